namespace KipuHub.Benchmarks.Support;

/// <summary>Finds the repository root (the folder with KipuHub.Generated.sln), wherever the app is started from.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string DefaultResultsFile => Path.Combine(Root, "tests", "KipuHub.Benchmarks", "results", "latest.json");

    public static string PerformanceDoc => Path.Combine(Root, "docs", "performance.md");

    public static string ArtifactsDirectory => Path.Combine(Root, "artifacts", "benchmarks");

    private static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "KipuHub.Generated.sln"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("Cannot find KipuHub.Generated.sln above the current directory; run from the repository.");
    }
}
