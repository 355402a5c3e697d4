namespace KipuHub.PublicApi.Tests.Support;

/// <summary>
/// The checked-in public API files (<c>tests/KipuHub.PublicApi.Tests/api/&lt;AssemblyName&gt;.txt</c>) and the one way to
/// change them: <c>build/update-public-api.sh</c>, which sets <see cref="UpdateVariable"/>. Under <c>CI=true</c> update
/// mode is refused, so a CI run can only compare.
/// </summary>
public static class ApiBaseline
{
    public const string UpdateVariable = "KIPUHUB_UPDATE_PUBLIC_API";
    public const string UpdateCommand = "build/update-public-api.sh";

    /// <summary>What a comparison decided.</summary>
    public enum Outcome
    {
        Match,
        Updated,
        Mismatch,
        Missing,
        UpdateRefusedOnCi,
    }

    public readonly record struct Result(Outcome Outcome, string Message)
    {
        public bool Passed => Outcome is Outcome.Match or Outcome.Updated;
    }

    /// <summary>The repository root: the first folder above <paramref name="start"/> holding KipuHub.Generated.sln.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KipuHub.Generated.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root (KipuHub.Generated.sln) above " + start + ".");
    }

    public static string Folder(string repositoryRoot) => Path.Combine(repositoryRoot, "tests", "KipuHub.PublicApi.Tests", "api");

    public static bool UpdateRequested(Func<string, string?> environment) =>
        environment(UpdateVariable) is { } value && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    public static bool IsCi(Func<string, string?> environment) =>
        environment("CI") is { } value && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Compares <paramref name="currentApi"/> with the baseline file; in update mode (not on CI) writes it instead.
    /// Never creates a missing baseline outside update mode.
    /// </summary>
    public static Result Check(string assemblyName, string currentApi, string baselinePath, Func<string, string?> environment)
    {
        var current = PublicApiText.Normalize(currentApi);
        var update = UpdateRequested(environment);
        var relative = "tests/KipuHub.PublicApi.Tests/api/" + Path.GetFileName(baselinePath);

        if (update && IsCi(environment))
        {
            return new Result(Outcome.UpdateRefusedOnCi,
                $"{UpdateVariable} is set but CI=true: a CI run never accepts a public API change. " +
                $"Run {UpdateCommand} locally and commit {relative}.");
        }

        var exists = File.Exists(baselinePath);
        var baseline = exists ? PublicApiText.Normalize(File.ReadAllText(baselinePath)) : null;

        if (baseline == current) return new Result(Outcome.Match, "");

        if (update)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(baselinePath)!);
            File.WriteAllText(baselinePath, current);
            return new Result(Outcome.Updated, $"Updated {relative}: review it with git diff and commit it.");
        }

        if (!exists)
        {
            return new Result(Outcome.Missing,
                $"No public API baseline for {assemblyName}: {relative} does not exist.\n" +
                $"Create it with {UpdateCommand}, review it, and commit it.");
        }

        var diff = LineDiff.Compute(baseline!, current);
        var added = diff.Count(l => l.Kind == '+');
        var removed = diff.Count(l => l.Kind == '-');
        return new Result(Outcome.Mismatch,
            $"The public API of {assemblyName} differs from its baseline {relative} ({removed} line(s) removed, {added} added;\n" +
            "'-' is the baseline, '+' the current build):\n\n" +
            LineDiff.Format(diff) +
            $"\nIf the change is intended, run {UpdateCommand} and commit the updated baseline with the change, so it is reviewed.\n" +
            "A change in specs/*.json regenerates the KipuHub.Generated.* assemblies and shows up here too.");
    }
}
