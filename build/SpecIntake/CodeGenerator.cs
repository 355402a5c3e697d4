using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace KipuHub.SpecIntake;

/// <summary>
/// Generates C# exactly as the build does: the NSwag CLI of the NSwag.MSBuild package (the version the build uses,
/// located at build time from NSwag.MSBuild's NSwagDir_Net100) runs the repository's nswag.json. The build passes
/// /variables per spec; here every job becomes a copy of nswag.json whose defaultVariables name its spec, and one
/// CLI process runs them all (nswag run executes every *.nswag file of its working folder), because starting the CLI
/// costs more than generating.
/// </summary>
internal sealed class CodeGenerator
{
    private readonly string repoRoot;

    /// <summary>Creates a generator for the repository at <paramref name="repoRoot"/> (its nswag.json and templates).</summary>
    internal CodeGenerator(string repoRoot) => this.repoRoot = repoRoot;

    /// <summary>The folder of the NSwag CLI (dotnet-nswag.dll); KIPUHUB_NSWAG_DIR overrides the build-time one.</summary>
    internal static string NSwagDirectory =>
        Environment.GetEnvironmentVariable("KIPUHUB_NSWAG_DIR") is { Length: > 0 } overridden
            ? overridden
            : typeof(CodeGenerator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "NSwagDir")?.Value
              ?? throw new IntakeException("The NSwag CLI location was not recorded at build time (NSwag.MSBuild's NSwagDir_Net100).", ExitCodes.GenerationFailed);

    /// <summary>The raw client job of spec <paramref name="spec"/> for API <paramref name="api"/> ("quantum").</summary>
    internal GenerationJob RawClient(string api, string spec, string output) =>
        new(spec, NamespaceOf(api), Path.Combine(repoRoot, "build", "templates"), output);

    /// <summary>The facade's error-mapping decorator job (src/KipuHub generates it from the same spec).</summary>
    internal GenerationJob Facade(string api, string spec, string output) =>
        new(spec, NamespaceOf(api), Path.Combine(repoRoot, "build", "templates", "facade"), output);

    /// <summary>The generated projects' namespace convention: KipuHub.Generated.{Api}.</summary>
    internal static string NamespaceOf(string api) => $"KipuHub.Generated.{char.ToUpperInvariant(api[0])}{api[1..]}";

    /// <summary>
    /// The /variables the build passes for <paramref name="job"/> (build/KipuHub.NSwag.targets): Spec, Namespace, Api
    /// (the namespace's last part, which prefixes the per-API types such as <c>QuantumApiException</c>), Output and
    /// Templates. The same names and values as the build, or the API diff would compare code the build never makes.
    /// </summary>
    internal static IReadOnlyList<KeyValuePair<string, string>> Variables(GenerationJob job) =>
    [
        new("Spec", Path.GetFullPath(job.Spec)),
        new("Namespace", job.Namespace),
        new("Api", ApiOf(job.Namespace)),
        new("Output", Path.GetFullPath(job.Output)),
        new("Templates", Path.GetFullPath(job.Templates)),
    ];

    /// <summary>The build's Api variable: the namespace without its <c>KipuHub.Generated.</c> prefix ("Quantum").</summary>
    internal static string ApiOf(string @namespace) => @namespace.Replace("KipuHub.Generated.", string.Empty, StringComparison.Ordinal);

    /// <summary>Runs every job in one NSwag process; throws when NSwag fails or a job wrote nothing.</summary>
    internal async Task GenerateAsync(IReadOnlyList<GenerationJob> jobs, CancellationToken cancellationToken = default)
    {
        var configText = await File.ReadAllTextAsync(Path.Combine(repoRoot, "nswag.json"), cancellationToken).ConfigureAwait(false);
        CheckVariablesCovered(configText, jobs);
        var config = JsonNode.Parse(configText)!.AsObject();
        var work = Directory.CreateTempSubdirectory("kipuhub-intake-nswag-");
        try
        {
            for (var i = 0; i < jobs.Count; i++)
            {
                var job = jobs[i];
                File.Delete(job.Output);
                config["defaultVariables"] = string.Join(",", Variables(job).Select(v => $"{v.Key}={v.Value}"));
                await File.WriteAllTextAsync(Path.Combine(work.FullName, $"job{i:D3}.nswag"), config.ToJsonString(), cancellationToken).ConfigureAwait(false);
            }

            await RunCliAsync(work.FullName, cancellationToken).ConfigureAwait(false);
            var missing = jobs.Where(j => !File.Exists(j.Output)).Select(j => j.Spec).ToList();
            if (missing.Count > 0)
            {
                throw new IntakeException($"NSwag wrote no code for {string.Join(", ", missing)}.", ExitCodes.GenerationFailed);
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    // A $(Name) of nswag.json the intake does not pass would silently fall back to defaultVariables (another API's
    // value) or stay literal: refuse instead, so a new build variable cannot make the API diff lie.
    private static void CheckVariablesCovered(string configText, IReadOnlyList<GenerationJob> jobs)
    {
        var passed = jobs.Count == 0 ? [] : Variables(jobs[0]).Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        var used = System.Text.RegularExpressions.Regex.Matches(configText, @"\$\((\w+)\)").Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal);
        var missing = used.Where(v => !passed.Contains(v)).ToList();
        if (jobs.Count > 0 && missing.Count > 0)
        {
            throw new IntakeException($"nswag.json uses variable(s) the intake does not pass: {string.Join(", ", missing)} (see CodeGenerator.Variables).", ExitCodes.GenerationFailed);
        }
    }

    private static async Task RunCliAsync(string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(NSwagDirectory, "dotnet-nswag.dll"));
        start.ArgumentList.Add("run");
        using var process = Process.Start(start) ?? throw new IntakeException("Could not start the NSwag CLI.", ExitCodes.GenerationFailed);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new IntakeException(
                $"NSwag failed (exit {process.ExitCode}):{Environment.NewLine}{await stdout.ConfigureAwait(false)}{await stderr.ConfigureAwait(false)}",
                ExitCodes.GenerationFailed);
        }
    }

    // The host running this tool is the one to run NSwag with (dotnet test/run set DOTNET_HOST_PATH); else PATH's.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
