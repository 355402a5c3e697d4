using KipuHub.SpecIntake;

namespace KipuHub.SpecIntake.Tests.Support;

/// <summary>Runs the intake step in-process, as build/import-spec.sh would.</summary>
internal static class Intake
{
    /// <summary>Imports <paramref name="source"/> for <paramref name="api"/>; returns the result and the printed report.</summary>
    internal static async Task<(IntakeResult Result, string Report)> ImportAsync(string api, string source, string? output, bool apiDiff = false, string? repoRoot = null, HttpClient? httpClient = null)
    {
        using var report = new StringWriter();
        using var ownClient = httpClient is null ? new HttpClient() : null;
        var command = new IntakeCommand(report, httpClient ?? ownClient!);
        var result = await command.ImportAsync(new IntakeOptions { Api = api, Source = source, Output = output, ApiDiff = apiDiff, DryRun = output is null, RepoRoot = repoRoot ?? Repo.Root });
        return (result, report.ToString());
    }

    /// <summary>Runs the command line (exit code, stdout, stderr).</summary>
    internal static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await IntakeCommand.MainAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
