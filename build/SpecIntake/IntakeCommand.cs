using System.Diagnostics;
using System.Text.Json.Nodes;

namespace KipuHub.SpecIntake;

/// <summary>The intake step: read, check, rewrite to 3.0, carry our parts and annotations, compare, generate, write, report.</summary>
internal sealed class IntakeCommand
{
    private readonly TextWriter output;
    private readonly HttpClient httpClient;

    /// <summary>Creates the command; the report goes to <paramref name="output"/>.</summary>
    internal IntakeCommand(TextWriter output, HttpClient httpClient)
    {
        this.output = output;
        this.httpClient = httpClient;
    }

    /// <summary>Runs the command line; returns the exit code (errors are written to <paramref name="error"/>).</summary>
    internal static async Task<int> MainAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (args.Any(a => a is "--help" or "-h"))
        {
            await output.WriteLineAsync(IntakeOptions.Usage).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var options = IntakeOptions.Parse(args, out var problem);
        if (options is null)
        {
            await error.WriteLineAsync($"{problem}{Environment.NewLine}{IntakeOptions.Usage}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            using var httpClient = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
            var command = new IntakeCommand(output, httpClient);
            if (options.Render31)
            {
                await command.RenderAsync(options, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await command.ImportAsync(options, cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }
        catch (IntakeException e)
        {
            await error.WriteLineAsync($"import-spec: {e.Message}").ConfigureAwait(false);
            return e.ExitCode;
        }
    }

    /// <summary>Imports <see cref="IntakeOptions.Source"/> as specs/&lt;api&gt;.json (or --out).</summary>
    internal async Task<IntakeResult> ImportAsync(IntakeOptions options, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var repoRoot = RepoRoot(options);
        var specPath = Path.Combine(repoRoot, "specs", options.Api + ".json");
        var current = File.Exists(specPath) ? SpecJson.Parse(await File.ReadAllTextAsync(specPath, cancellationToken).ConfigureAwait(false)) : null;

        var hub = await HubDocumentReader.ReadAsync(options.Source!, httpClient, cancellationToken).ConfigureAwait(false);
        var imported = hub.Json;
        var rewrites = OpenApi31Downgrader.Downgrade(imported);
        var documentName = $"{JsonEdit.AsString(imported["info"]?["title"]) ?? "untitled"} {JsonEdit.AsString(imported["info"]?["version"]) ?? string.Empty}".Trim();
        // Our hand-made parts first, so the annotations inside them come along and the pointers below line up.
        var carried = OwnedPartsCarrier.Carry(current, imported);
        var annotations = AnnotationCarrier.Carry(current, imported, documentName);
        await CheckRewrittenAsync(imported, cancellationToken).ConfigureAwait(false);

        var changes = current is null ? [] : SpecComparer.Compare(current, imported);
        IReadOnlyList<string>? apiDiff = null;
        if (options.ApiDiff)
        {
            apiDiff = await DiffPublicApiAsync(repoRoot, options.Api, current, imported, cancellationToken).ConfigureAwait(false);
        }

        string? writtenTo = null;
        if (!options.DryRun)
        {
            writtenTo = Path.GetFullPath(options.Output ?? specPath);
            await SpecJson.WriteAsync(writtenTo, imported, cancellationToken).ConfigureAwait(false);
        }

        var result = new IntakeResult(changes, apiDiff, writtenTo, AnnotationCarrier.MissingExtensions(current, imported), carried);
        await ReviewReport.WriteAsync(output, options, hub, rewrites, annotations, result, clock.Elapsed).ConfigureAwait(false);
        return result;
    }

    /// <summary>Writes the current specs/&lt;api&gt;.json as its 3.1 rendering (--render-31).</summary>
    internal async Task RenderAsync(IntakeOptions options, CancellationToken cancellationToken = default)
    {
        var specPath = Path.Combine(RepoRoot(options), "specs", options.Api + ".json");
        var document = SpecJson.Parse(await File.ReadAllTextAsync(specPath, cancellationToken).ConfigureAwait(false));
        OpenApi31Renderer.Render(document);
        if (options.Output is null)
        {
            await output.WriteAsync(SpecJson.Serialize(document)).ConfigureAwait(false);
        }
        else
        {
            await SpecJson.WriteAsync(options.Output, document, cancellationToken).ConfigureAwait(false);
        }
    }

    // The rewritten document must read as valid 3.0 too: a rewrite that broke it must not reach specs/.
    private async Task CheckRewrittenAsync(JsonObject imported, CancellationToken cancellationToken)
    {
        var check = Path.Combine(Path.GetTempPath(), $"kipuhub-intake-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(check, SpecJson.Serialize(imported), cancellationToken).ConfigureAwait(false);
            await HubDocumentReader.ReadAsync(check, httpClient, cancellationToken).ConfigureAwait(false);
        }
        catch (IntakeException e)
        {
            throw new IntakeException($"the rewritten 3.0 document does not validate (an intake step defect): {e.Message}", e);
        }
        finally
        {
            File.Delete(check);
        }
    }

    private static async Task<IReadOnlyList<string>> DiffPublicApiAsync(string repoRoot, string api, JsonObject? current, JsonObject imported, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("kipuhub-intake-");
        try
        {
            var generator = new CodeGenerator(repoRoot);
            var newSpec = Path.Combine(work.FullName, "new.json");
            await File.WriteAllTextAsync(newSpec, SpecJson.Serialize(imported), cancellationToken).ConfigureAwait(false);
            var jobs = new List<GenerationJob>
            {
                generator.RawClient(api, newSpec, Path.Combine(work.FullName, "new.raw.cs")),
                generator.Facade(api, newSpec, Path.Combine(work.FullName, "new.facade.cs")),
            };
            if (current is not null)
            {
                var oldSpec = Path.Combine(work.FullName, "old.json");
                await File.WriteAllTextAsync(oldSpec, SpecJson.Serialize(current), cancellationToken).ConfigureAwait(false);
                jobs.Add(generator.RawClient(api, oldSpec, Path.Combine(work.FullName, "old.raw.cs")));
                jobs.Add(generator.Facade(api, oldSpec, Path.Combine(work.FullName, "old.facade.cs")));
            }

            await generator.GenerateAsync(jobs, cancellationToken).ConfigureAwait(false);
            var newer = await SurfaceAsync(work.FullName, "new", cancellationToken).ConfigureAwait(false);
            var older = current is null ? [] : await SurfaceAsync(work.FullName, "old", cancellationToken).ConfigureAwait(false);
            return PublicSurface.Diff(older, newer);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<IReadOnlyList<string>> SurfaceAsync(string folder, string name, CancellationToken cancellationToken)
    {
        var raw = await File.ReadAllTextAsync(Path.Combine(folder, $"{name}.raw.cs"), cancellationToken).ConfigureAwait(false);
        var facade = await File.ReadAllTextAsync(Path.Combine(folder, $"{name}.facade.cs"), cancellationToken).ConfigureAwait(false);
        return [.. PublicSurface.Of(raw), .. PublicSurface.Of(facade)];
    }

    private static string RepoRoot(IntakeOptions options)
    {
        if (options.RepoRoot is not null)
        {
            return Path.GetFullPath(options.RepoRoot);
        }

        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "KipuHub.Generated.sln")))
            {
                return folder.FullName;
            }
        }

        throw new IntakeException("Run from inside the repository (no KipuHub.Generated.sln above the working folder), or pass --repo-root.", ExitCodes.Usage);
    }
}
