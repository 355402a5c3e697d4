using System.Text.Json.Nodes;
using KipuHub.SpecIntake;

namespace KipuHub.SpecIntake.Tests.Support;

/// <summary>
/// Our spec as the Hub would publish it: everything we made by hand taken out, derived from the spec itself (nothing
/// about its content is assumed): every <c>x-kipuhub-*</c> annotation, <c>info.license</c>, <c>servers</c>, every
/// <c>components/parameters</c> entry and every <c>$ref</c> to one, every description (document, tags, operations and
/// their summaries, parameters, request bodies, every schema) except the responses' (OpenAPI requires those), and the
/// annotation-only structure: a property's <c>allOf: [{$ref}]</c> wrapper becomes the bare <c>$ref</c>, description-only
/// <c>allOf</c> members and <c>additionalProperties: true</c> are dropped.
/// </summary>
internal static class HubShape
{
    private const string ParameterRefPrefix = "#/components/parameters/";

    /// <summary>A copy of <paramref name="spec"/> without our parts.</summary>
    internal static JsonObject Strip(JsonObject spec)
    {
        var document = (JsonObject)spec.DeepClone();
        RemoveAnnotations(document);
        document.Remove("servers");
        if (document["info"] is JsonObject info)
        {
            info.Remove("license");
            info.Remove("description");
        }

        foreach (var tag in (document["tags"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            tag.Remove("description");
        }

        (document["components"] as JsonObject)?.Remove("parameters");
        foreach (var item in (document["paths"] as JsonObject)?.Select(p => p.Value).OfType<JsonObject>() ?? [])
        {
            StripParameters(item);
        }

        foreach (var operation in OperationIndex.Of(document).Operations)
        {
            operation.Node.Remove("summary");
            operation.Node.Remove("description");
            StripParameters(operation.Node);
            (operation.Node["requestBody"] as JsonObject)?.Remove("description");
        }

        SchemaWalker.Walk(document, (schema, position, _, _) => StripSchema(schema, position));
        return document;
    }

    /// <summary>Every operation's own <c>x-kipuhub-evidence</c> and <c>x-kipuhub-source</c> removed (the intake updates
    /// those by design), so what remains can be compared with the current spec as a whole.</summary>
    internal static JsonObject WithoutOperationEvidence(JsonObject spec)
    {
        var document = (JsonObject)spec.DeepClone();
        foreach (var operation in OperationIndex.Of(document).Operations)
        {
            operation.Node.Remove(AnnotationCarrier.Prefix + "evidence");
            operation.Node.Remove(AnnotationCarrier.Prefix + "source");
        }

        return document;
    }

    /// <summary>Where two documents differ (JSON pointers, member order included), at most <paramref name="max"/>.</summary>
    internal static List<string> Differences(JsonNode? expected, JsonNode? actual, int max = 20)
    {
        var found = new List<string>();
        Compare(expected, actual, string.Empty, found, max);
        return found;
    }

    /// <summary>The number of description members in schema positions (every schema, nested ones too).</summary>
    internal static int SchemaDescriptions(JsonObject spec)
    {
        var count = 0;
        SchemaWalker.Walk((JsonObject)spec.DeepClone(), (schema, _, _, _) =>
        {
            count += schema.ContainsKey("description") ? 1 : 0;
            return schema;
        });
        return count;
    }

    private static void StripParameters(JsonObject owner)
    {
        if (owner["parameters"] is not JsonArray parameters)
        {
            return;
        }

        foreach (var shared in parameters.OfType<JsonObject>().Where(p => JsonEdit.AsString(p["$ref"])?.StartsWith(ParameterRefPrefix, StringComparison.Ordinal) == true).ToList())
        {
            parameters.Remove(shared);
        }

        foreach (var parameter in parameters.OfType<JsonObject>())
        {
            parameter.Remove("description");
        }

        if (parameters.Count == 0)
        {
            owner.Remove("parameters");
        }
    }

    private static JsonNode StripSchema(JsonObject schema, SchemaPosition position)
    {
        // Only a property's one-member allOf is a description wrapper (a named schema's is a derived type).
        var wrapper = position == SchemaPosition.Property && schema["allOf"] is JsonArray { Count: 1 };
        schema.Remove("description");
        if (schema["additionalProperties"] is JsonValue open && open.TryGetValue<bool>(out var isOpen) && isOpen)
        {
            schema.Remove("additionalProperties");
        }

        if (schema["allOf"] is JsonArray members)
        {
            // Children are visited first: a description-only member is an empty object by now.
            foreach (var empty in members.OfType<JsonObject>().Where(m => m.Count == 0).ToList())
            {
                members.Remove(empty);
            }

            if (wrapper && schema.Count == 1 && members is [JsonObject only] && only.ContainsKey("$ref"))
            {
                members.Remove(only);
                return only;
            }
        }

        return schema;
    }

    private static void RemoveAnnotations(JsonNode node)
    {
        if (node is JsonObject map)
        {
            foreach (var key in map.Select(m => m.Key).Where(k => k.StartsWith(AnnotationCarrier.Prefix, StringComparison.Ordinal)).ToList())
            {
                map.Remove(key);
            }

            foreach (var child in map.Select(m => m.Value).OfType<JsonNode>())
            {
                RemoveAnnotations(child);
            }
        }
        else if (node is JsonArray list)
        {
            foreach (var child in list.OfType<JsonNode>())
            {
                RemoveAnnotations(child);
            }
        }
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string pointer, List<string> found, int max)
    {
        if (found.Count >= max)
        {
            return;
        }

        if (expected is JsonObject e && actual is JsonObject a)
        {
            if (!e.Select(m => m.Key).SequenceEqual(a.Select(m => m.Key)))
            {
                found.Add($"{pointer}: members [{string.Join(", ", e.Select(m => m.Key))}] vs [{string.Join(", ", a.Select(m => m.Key))}]");
            }

            foreach (var (key, value) in e)
            {
                if (a.ContainsKey(key))
                {
                    Compare(value, a[key], $"{pointer}/{SchemaWalker.Escape(key)}", found, max);
                }
            }
        }
        else if (expected is JsonArray ea && actual is JsonArray aa && ea.Count == aa.Count)
        {
            for (var i = 0; i < ea.Count; i++)
            {
                Compare(ea[i], aa[i], $"{pointer}/{i}", found, max);
            }
        }
        else if (!JsonNode.DeepEquals(expected, actual))
        {
            found.Add($"{pointer}: {Short(expected)} vs {Short(actual)}");
        }
    }

    private static string Short(JsonNode? node) => node?.ToJsonString() is { } text ? text.Length > 120 ? text[..120] + "..." : text : "(none)";
}
