using System.Text.Json.Nodes;

namespace KipuHub.SpecIntake;

/// <summary>
/// Carries our <c>x-kipuhub-*</c> annotations from the current spec over to the imported document: the document's
/// own (e.g. <c>x-kipuhub-namespaces</c>, which documents the facade's namespaces), each operation's (paired by
/// operationId, else method and path, and what is inside them by place in the paired operation) and any other one
/// whose place (JSON pointer) exists in both, each at the position it has in the current spec. An operation the
/// Hub's own document contains is no longer a guess: its <c>x-kipuhub-evidence</c> becomes <c>observed</c>, and an
/// operation new to us gets <c>observed</c> with the document as its <c>x-kipuhub-source</c>.
/// </summary>
internal static class AnnotationCarrier
{
    /// <summary>The prefix of our annotations.</summary>
    internal const string Prefix = "x-kipuhub-";

    /// <summary>The evidence value of an operation seen in the Hub's own document.</summary>
    internal const string Observed = "observed";

    /// <summary>Copies the annotations of <paramref name="current"/> into <paramref name="imported"/>.</summary>
    /// <param name="current">The spec as it is in specs/ (null when there is none yet).</param>
    /// <param name="imported">The Hub document, already rewritten to 3.0.</param>
    /// <param name="documentName">How the Hub document is named in a source note ("Kipu Quantum Hub API 1.2.0").</param>
    /// <returns>What was carried, for the report.</returns>
    internal static RewriteLog Carry(JsonObject? current, JsonObject imported, string documentName)
    {
        var log = new RewriteLog();
        var seenNote = $"seen in the Hub's OpenAPI document ({documentName})";
        var operationPointers = new HashSet<string>(StringComparer.Ordinal);
        if (current is not null)
        {
            CopyAnnotations(current, imported, "/", log);
            foreach (var (old, @new) in OperationIndex.Match(OperationIndex.Of(current), OperationIndex.Of(imported)))
            {
                if (old is not null)
                {
                    operationPointers.Add(Pointer(old));
                }

                if (old is not null && @new is not null)
                {
                    CopyAnnotations(old.Node, @new.Node, Pointer(@new), log);
                    // Below the operation (a response's, a parameter's): by place inside the paired operation.
                    foreach (var (key, value) in old.Node)
                    {
                        if (value is not null && !key.StartsWith(Prefix, StringComparison.Ordinal))
                        {
                            CopyNested(value, @new.Node[key], $"{Pointer(@new)}/{SchemaWalker.Escape(key)}", [], log);
                        }
                    }
                }
            }

            CopyNested(current, imported, string.Empty, operationPointers, log);
        }

        foreach (var operation in OperationIndex.Of(imported).Operations)
        {
            MarkObserved(operation, seenNote, log);
        }

        return log;
    }

    /// <summary>Other extensions (not ours) of the current spec that the imported document lacks at the same place:
    /// not carried (they may be NSwag's, like x-originalName, or a hand fix), listed for review.</summary>
    internal static IReadOnlyList<string> MissingExtensions(JsonObject? current, JsonObject imported)
    {
        var missing = new List<string>();
        if (current is not null)
        {
            FindMissing(current, imported, string.Empty, missing);
        }

        return missing;
    }

    private static void FindMissing(JsonNode from, JsonNode? to, string pointer, List<string> missing)
    {
        if (from is JsonObject fromObject)
        {
            foreach (var (key, value) in fromObject)
            {
                var at = $"{pointer}/{SchemaWalker.Escape(key)}";
                if (key.StartsWith("x-", StringComparison.Ordinal) && !key.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    if ((to as JsonObject)?.ContainsKey(key) != true)
                    {
                        missing.Add(at);
                    }
                }
                else if (value is not null && !key.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    FindMissing(value, (to as JsonObject)?[key], at, missing);
                }
            }
        }
        else if (from is JsonArray fromArray)
        {
            for (var i = 0; i < fromArray.Count; i++)
            {
                if (fromArray[i] is { } item)
                {
                    FindMissing(item, to is JsonArray toArray && i < toArray.Count ? toArray[i] : null, $"{pointer}/{i}", missing);
                }
            }
        }
    }

    private static void MarkObserved(OperationEntry operation, string seenNote, RewriteLog log)
    {
        var node = operation.Node;
        var evidence = JsonEdit.AsString(node[Prefix + "evidence"]);
        if (evidence is null)
        {
            node[Prefix + "evidence"] = Observed;
            node[Prefix + "source"] = seenNote;
            log.Add("new operation marked observed", Pointer(operation));
            return;
        }

        if (evidence != Observed)
        {
            node[Prefix + "evidence"] = Observed;
            log.Add($"evidence {evidence} → {Observed}", Pointer(operation));
        }

        var source = JsonEdit.AsString(node[Prefix + "source"]);
        if (source is null)
        {
            node[Prefix + "source"] = seenNote;
        }
        else if (!source.Contains(seenNote, StringComparison.Ordinal))
        {
            node[Prefix + "source"] = $"{source}; {seenNote}";
        }
    }

    private static void CopyAnnotations(JsonObject from, JsonObject to, string pointer, RewriteLog log)
    {
        foreach (var (key, value) in from)
        {
            if (key.StartsWith(Prefix, StringComparison.Ordinal) && !to.ContainsKey(key))
            {
                JsonEdit.InsertAsIn(to, key, value?.DeepClone(), from);
                log.Add($"carried {key}", pointer);
            }
        }
    }

    // Annotations below the document root (a schema's, a parameter's): carried where the same pointer exists in the
    // imported document. Operations are skipped here: they were paired above (their insides too).
    private static void CopyNested(JsonNode from, JsonNode? to, string pointer, HashSet<string> operationPointers, RewriteLog log)
    {
        if (to is null || operationPointers.Contains(pointer))
        {
            return;
        }

        if (from is JsonObject fromObject && to is JsonObject toObject)
        {
            if (pointer.Length > 0)
            {
                CopyAnnotations(fromObject, toObject, pointer, log);
            }

            foreach (var (key, value) in fromObject)
            {
                if (value is not null && !key.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    CopyNested(value, toObject[key], $"{pointer}/{SchemaWalker.Escape(key)}", operationPointers, log);
                }
            }
        }
        else if (from is JsonArray fromArray && to is JsonArray toArray)
        {
            for (var i = 0; i < Math.Min(fromArray.Count, toArray.Count); i++)
            {
                if (fromArray[i] is { } item)
                {
                    CopyNested(item, toArray[i], $"{pointer}/{i}", operationPointers, log);
                }
            }
        }
    }

    private static string Pointer(OperationEntry operation) => $"/paths/{SchemaWalker.Escape(operation.Path)}/{operation.Method.ToLowerInvariant()}";
}
