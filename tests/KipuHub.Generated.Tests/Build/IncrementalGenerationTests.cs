using System.Diagnostics;

namespace KipuHub.Generated.Tests.Build;

/// <summary>
/// The build-time generation is incremental: a no-op build does not run NSwag, and touching the spec does.
/// Runs real `dotnet build`s on a copy of the generation inputs (so it never races the build that runs the tests).
/// </summary>
[TestFixture]
[Category("Build")]
[NonParallelizable]
public class IncrementalGenerationTests
{
    private const string Marker = "KipuHub: generating KipuHub.Generated.Service";
    private string _work = null!;

    [OneTimeSetUp]
    public void CopyInputs()
    {
        var root = FindRepoRoot();
        _work = Path.Combine(Path.GetTempPath(), "kipuhub-incremental-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_work);
        foreach (var file in new[] { "nswag.json", "global.json", "Directory.Build.props", "Directory.Packages.props" })
            File.Copy(Path.Combine(root, file), Path.Combine(_work, file));
        CopyDirectory(Path.Combine(root, "specs"), Path.Combine(_work, "specs"));
        // Only what generation reads: build/ also holds build/ts-check/node_modules once check-specs.sh has run.
        CopyDirectory(Path.Combine(root, "build", "templates"), Path.Combine(_work, "build", "templates"));
        File.Copy(Path.Combine(root, "build", "KipuHub.NSwag.targets"), Path.Combine(_work, "build", "KipuHub.NSwag.targets"));
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets" })
            File.Copy(Path.Combine(root, "generated", file), Path.Combine(_work, "generated", file).EnsureDirectory());
        var project = Path.Combine("generated", "KipuHub.Generated.Service", "KipuHub.Generated.Service.csproj");
        File.Copy(Path.Combine(root, project), Path.Combine(_work, project).EnsureDirectory());
    }

    [OneTimeTearDown]
    public void Cleanup()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Test]
    public void Nswag_runs_on_the_first_build_not_on_a_no_op_build_and_again_after_the_spec_changes()
    {
        Assert.That(Build(), Does.Contain(Marker), "first build generates");
        Assert.That(Build(), Does.Not.Contain(Marker), "nothing changed: NSwag must not run");

        File.SetLastWriteTimeUtc(Path.Combine(_work, "specs", "service.json"), DateTime.UtcNow);
        Assert.That(Build(), Does.Contain(Marker), "a touched spec regenerates");

        File.SetLastWriteTimeUtc(Path.Combine(_work, "nswag.json"), DateTime.UtcNow.AddSeconds(1));
        Assert.That(Build(), Does.Contain(Marker), "a touched nswag.json regenerates");
        Assert.That(Build(), Does.Not.Contain(Marker), "and then it is up to date again");
    }

    private string Build()
    {
        var psi = new ProcessStartInfo("dotnet", "build generated/KipuHub.Generated.Service/KipuHub.Generated.Service.csproj -nologo -v:n -p:RestoreIgnoreFailedSources=true")
        {
            WorkingDirectory = _work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(3)), Is.True, "dotnet build did not finish within 3 minutes");
        Assert.That(process.ExitCode, Is.Zero, stdout.Result + stderr.Result);
        return stdout.Result;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KipuHub.Generated.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Could not find the repository root (KipuHub.Generated.sln) above " + TestContext.CurrentContext.TestDirectory);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)).EnsureDirectory());
    }
}

internal static class PathExtensions
{
    public static string EnsureDirectory(this string filePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(filePath)!);
        return filePath;
    }
}
