namespace KipuHub.SpecIntake;

/// <summary>Counts what a rewrite changed (for the report), with one example location per kind.</summary>
internal sealed class RewriteLog
{
    private readonly SortedDictionary<string, (int Count, string FirstAt)> entries = new(StringComparer.Ordinal);

    /// <summary>Records one change of kind <paramref name="kind"/> at JSON pointer <paramref name="at"/>.</summary>
    internal void Add(string kind, string at)
    {
        entries[kind] = entries.TryGetValue(kind, out var entry) ? (entry.Count + 1, entry.FirstAt) : (1, at);
    }

    /// <summary>Whether nothing was changed.</summary>
    internal bool IsEmpty => entries.Count == 0;

    /// <summary>The number of changes of one kind (0 when none).</summary>
    internal int Count(string kind) => entries.TryGetValue(kind, out var entry) ? entry.Count : 0;

    /// <summary>One line per kind: "kind: count (first at pointer)".</summary>
    internal IEnumerable<string> Lines() =>
        entries.Select(e => $"{e.Key}: {e.Value.Count} (first at {e.Value.FirstAt})");
}
