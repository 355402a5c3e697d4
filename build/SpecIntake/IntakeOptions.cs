namespace KipuHub.SpecIntake;

/// <summary>The command line of build/import-spec.sh.</summary>
internal sealed record IntakeOptions
{
    /// <summary>The APIs, one per spec in specs/.</summary>
    internal static readonly string[] Apis = ["quantum", "platform", "service"];

    /// <summary>The usage text.</summary>
    internal const string Usage = """
        Usage: build/import-spec.sh <quantum|platform|service> <file-or-url> [--out FILE] [--dry-run] [--no-api-diff]
               build/import-spec.sh --render-31 <quantum|platform|service> --out FILE
          Reads the Hub's OpenAPI document (3.0 or 3.1, JSON or YAML), rewrites it into the 3.0 shapes NSwag generates
          correctly, carries the x-kipuhub-* annotations of specs/<api>.json over, writes specs/<api>.json and prints a
          review report (spec changes, each BREAKING or not, and the diff of the generated public API).
          --out FILE      write FILE instead of specs/<api>.json
          --dry-run       write nothing, print the report only
          --no-api-diff   skip the generated public API diff (NSwag is not run)
          --repo-root DIR the repository (default: the folder above that holds KipuHub.Generated.sln)
          --render-31     write the current specs/<api>.json as a 3.1 document (type arrays, anyOf with null), to test the step
        Exit codes: 0 written (or dry run), 1 usage, 2 invalid document (nothing written), 3 NSwag failed (nothing written).
        """;

    /// <summary>quantum, platform or service.</summary>
    public required string Api { get; init; }

    /// <summary>The Hub document: a path or an http(s) URL (null with --render-31).</summary>
    public string? Source { get; init; }

    /// <summary>--out: where to write (null: specs/&lt;api&gt;.json).</summary>
    public string? Output { get; init; }

    /// <summary>--dry-run.</summary>
    public bool DryRun { get; init; }

    /// <summary>Whether to generate code and diff its public API (--no-api-diff turns it off).</summary>
    public bool ApiDiff { get; init; } = true;

    /// <summary>--render-31.</summary>
    public bool Render31 { get; init; }

    /// <summary>--repo-root (null: found from the working folder).</summary>
    public string? RepoRoot { get; init; }

    /// <summary>Parses <paramref name="args"/>; null (and a message in <paramref name="error"/>) when they are wrong.</summary>
    internal static IntakeOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var positional = new List<string>();
        string? output = null, repoRoot = null;
        bool dryRun = false, noApiDiff = false, render = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--out" or "--repo-root" when i + 1 >= args.Count:
                    error = $"{args[i]} needs a value.";
                    return null;
                case "--out":
                    output = args[++i];
                    break;
                case "--repo-root":
                    repoRoot = args[++i];
                    break;
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--no-api-diff":
                    noApiDiff = true;
                    break;
                case "--render-31":
                    render = true;
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    error = $"Unknown option {option}.";
                    return null;
                default:
                    positional.Add(args[i]);
                    break;
            }
        }

        if (positional.Count != (render ? 1 : 2) || !Apis.Contains(positional[0]))
        {
            error = render ? "--render-31 takes one API name." : "Give an API name (quantum, platform or service) and a file or URL.";
            return null;
        }

        return new IntakeOptions
        {
            Api = positional[0],
            Source = render ? null : positional[1],
            Output = output,
            DryRun = dryRun,
            ApiDiff = !noApiDiff,
            Render31 = render,
            RepoRoot = repoRoot,
        };
    }
}
