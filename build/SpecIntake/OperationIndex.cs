using System.Text.Json.Nodes;

namespace KipuHub.SpecIntake;

/// <summary>One operation of a document: where it is and its Operation Object.</summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The path template.</param>
/// <param name="OperationId">The operationId, when the document gives one.</param>
/// <param name="Node">The Operation Object.</param>
/// <param name="PathItem">The Path Item Object (its parameters apply to the operation too).</param>
internal sealed record OperationEntry(string Method, string Path, string? OperationId, JsonObject Node, JsonObject PathItem)
{
    /// <summary>"GET /jobs/{id} (getJob)".</summary>
    public string Display => OperationId is null ? $"{Method} {Path}" : $"{Method} {Path} ({OperationId})";

    /// <summary>"GET /jobs/{id}".</summary>
    public string Route => $"{Method} {Path}";
}

/// <summary>The operations of a document and the rule that pairs an old one with a new one: the same operationId,
/// else the same method and path (a Hub document may give no operationIds, or other ones).</summary>
internal sealed class OperationIndex
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private OperationIndex(List<OperationEntry> operations) => Operations = operations;

    /// <summary>Every operation, in document order.</summary>
    public IReadOnlyList<OperationEntry> Operations { get; }

    /// <summary>Lists the operations of <paramref name="document"/>.</summary>
    public static OperationIndex Of(JsonObject document)
    {
        var list = new List<OperationEntry>();
        if (document["paths"] is JsonObject paths)
        {
            foreach (var (path, item) in paths)
            {
                if (item is not JsonObject pathItem)
                {
                    continue;
                }

                foreach (var method in Methods)
                {
                    if (pathItem[method] is JsonObject operation)
                    {
                        list.Add(new OperationEntry(method.ToUpperInvariant(), path, JsonEdit.AsString(operation["operationId"]), operation, pathItem));
                    }
                }
            }
        }

        return new OperationIndex(list);
    }

    /// <summary>Pairs the operations of <paramref name="older"/> with those of <paramref name="newer"/>: by operationId
    /// first, then by method and path among the rest.</summary>
    public static IReadOnlyList<(OperationEntry? Old, OperationEntry? New)> Match(OperationIndex older, OperationIndex newer)
    {
        var pairs = new List<(OperationEntry? Old, OperationEntry? New)>();
        var unmatchedOld = older.Operations.ToList();
        var unmatchedNew = new List<OperationEntry>();
        foreach (var candidate in newer.Operations)
        {
            var byId = candidate.OperationId is null ? null : unmatchedOld.FirstOrDefault(o => o.OperationId == candidate.OperationId);
            if (byId is not null)
            {
                unmatchedOld.Remove(byId);
                pairs.Add((byId, candidate));
            }
            else
            {
                unmatchedNew.Add(candidate);
            }
        }

        foreach (var candidate in unmatchedNew)
        {
            var byRoute = unmatchedOld.FirstOrDefault(o => o.Route == candidate.Route);
            if (byRoute is not null)
            {
                unmatchedOld.Remove(byRoute);
            }

            pairs.Add((byRoute, candidate));
        }

        pairs.AddRange(unmatchedOld.Select(o => ((OperationEntry?)o, (OperationEntry?)null)));
        return pairs;
    }
}
