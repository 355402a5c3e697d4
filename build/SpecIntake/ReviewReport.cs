namespace KipuHub.SpecIntake;

/// <summary>Prints the review report of one intake run: the input, what was rewritten and carried, the spec changes
/// (BREAKING first) and the generated public API diff.</summary>
internal static class ReviewReport
{
    private const int MaxNotCarried = 20;

    /// <summary>Writes the report to <paramref name="output"/>.</summary>
    internal static async Task WriteAsync(TextWriter output, IntakeOptions options, HubDocument hub, RewriteLog rewrites, RewriteLog annotations, IntakeResult result, TimeSpan elapsed)
    {
        var lines = new List<string>
        {
            $"# Intake report: {options.Api} from {SourceName.Display(options.Source!)}",
            $"Input: OpenAPI {hub.Version} ({hub.Format}), valid, {hub.Warnings.Count} warning(s)",
        };
        lines.AddRange(hub.Warnings.Select(w => "  warning: " + w));
        lines.Add(rewrites.IsEmpty ? "Rewritten to 3.0.3: nothing to rewrite" : "Rewritten to 3.0.3:");
        lines.AddRange(rewrites.Lines().Select(l => "  " + l));
        lines.Add(result.Carried.IsEmpty
            ? "Carried from our spec: nothing (the document has every part)"
            : "Carried from our spec (the document has nothing there; review, then keep or drop in git diff):");
        lines.AddRange(result.Carried.Lines().Select(l => "  " + l));
        lines.Add(annotations.IsEmpty ? "Annotations: none carried" : "Annotations (x-kipuhub-*):");
        lines.AddRange(annotations.Lines().Select(l => "  " + l));

        if (result.NotCarried.Count > 0)
        {
            lines.Add($"Not carried: {result.NotCarried.Count} other extension(s) of the current spec the document lacks (not ours; review them):");
            lines.AddRange(result.NotCarried.Take(MaxNotCarried).Select(p => "  " + p));
            if (result.NotCarried.Count > MaxNotCarried)
            {
                lines.Add($"  ... and {result.NotCarried.Count - MaxNotCarried} more");
            }
        }

        var breaking = result.Changes.Count(c => c.Breaking);
        lines.Add($"Spec changes: {result.Changes.Count} ({breaking} BREAKING)");
        lines.AddRange(result.Changes.OrderByDescending(c => c.Breaking).Select(c => "  " + c));

        if (result.ApiDiff is null)
        {
            lines.Add("Generated public API: not compared (--no-api-diff)");
        }
        else
        {
            var removed = result.ApiDiff.Count(l => l.StartsWith('-'));
            lines.Add($"Generated public API (NSwag, nswag.json; raw client and facade decorators): {removed} removed, {result.ApiDiff.Count - removed} added{(result.ApiDiff.Count == 0 ? ": identical" : string.Empty)}");
            lines.AddRange(result.ApiDiff.Select(l => "  " + l));
        }

        lines.Add(result.WrittenTo is null ? "Dry run: nothing written." : $"Wrote {result.WrittenTo}");
        if (result.WrittenTo is not null && result.ApiDiff is { Count: > 0 })
        {
            lines.Add("Next: build, fix the facade/emulator where the API moved, run build/update-public-api.sh and review its diff.");
        }

        lines.Add($"({elapsed.TotalSeconds:F1} s)");
        foreach (var line in lines)
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }
    }
}
