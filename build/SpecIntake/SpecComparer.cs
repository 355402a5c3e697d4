using System.Text.Json.Nodes;

namespace KipuHub.SpecIntake;

/// <summary>
/// Compares two 3.0 documents (the current spec and the imported one) and lists what changed for a caller of the
/// generated client: operations added, removed or changed (parameters, request bodies, responses) and named schemas
/// added, removed or changed (properties added, removed or renamed, required, types, enum values). A change is
/// BREAKING when code written against the current SDK may stop compiling or working: something removed or renamed,
/// a type changed, something newly required, an enum value dropped. Descriptions and our own annotations are ignored.
/// </summary>
internal static class SpecComparer
{
    private static readonly HashSet<string> IgnoredKeywords = new(StringComparer.Ordinal)
    {
        "description", "summary", "title", "example", "examples", "externalDocs", "deprecated", "default", "readOnly", "writeOnly",
    };

    /// <summary>The changes from <paramref name="older"/> to <paramref name="newer"/>, operations first, then schemas.</summary>
    internal static IReadOnlyList<SpecChange> Compare(JsonObject older, JsonObject newer)
    {
        var changes = new List<SpecChange>();
        foreach (var (old, @new) in OperationIndex.Match(OperationIndex.Of(older), OperationIndex.Of(newer)))
        {
            if (old is null)
            {
                changes.Add(new SpecChange(@new!.Display, "operation added", Breaking: false));
            }
            else if (@new is null)
            {
                changes.Add(new SpecChange(old.Display, "operation removed", Breaking: true));
            }
            else
            {
                CompareOperation(old, @new, changes);
            }
        }

        CompareComponents(older, newer, changes);
        return changes;
    }

    private static void CompareOperation(OperationEntry old, OperationEntry @new, List<SpecChange> changes)
    {
        var where = @new.Display;
        if (old.Route != @new.Route)
        {
            changes.Add(new SpecChange(where, $"moved from {old.Route}", Breaking: true));
        }

        if (old.OperationId != @new.OperationId)
        {
            changes.Add(new SpecChange(where, $"operationId {old.OperationId ?? "(none)"} → {@new.OperationId ?? "(none)"} (the generated method is renamed)", Breaking: true));
        }

        var oldTag = FirstTag(old.Node);
        var newTag = FirstTag(@new.Node);
        if (oldTag != newTag)
        {
            changes.Add(new SpecChange(where, $"first tag {oldTag ?? "(none)"} → {newTag ?? "(none)"} (the operation moves to another generated client)", Breaking: true));
        }

        CompareParameters(where, Parameters(old), Parameters(@new), changes);
        CompareRequestBody(where, old.Node["requestBody"] as JsonObject, @new.Node["requestBody"] as JsonObject, changes);
        CompareResponses(where, old.Node["responses"] as JsonObject, @new.Node["responses"] as JsonObject, changes);
    }

    private static string? FirstTag(JsonObject operation) =>
        operation["tags"] is JsonArray { Count: > 0 } tags ? JsonEdit.AsString(tags[0]) : null;

    private static Dictionary<string, JsonObject> Parameters(OperationEntry operation)
    {
        // Path-level parameters apply unless the operation redefines them (same name and location).
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var list in new[] { operation.PathItem["parameters"], operation.Node["parameters"] })
        {
            if (list is JsonArray parameters)
            {
                foreach (var parameter in parameters.OfType<JsonObject>())
                {
                    result[$"{JsonEdit.AsString(parameter["in"])} '{JsonEdit.AsString(parameter["name"]) ?? JsonEdit.AsString(parameter["$ref"])}'"] = parameter;
                }
            }
        }

        return result;
    }

    private static void CompareParameters(string where, Dictionary<string, JsonObject> old, Dictionary<string, JsonObject> @new, List<SpecChange> changes)
    {
        foreach (var (key, parameter) in old)
        {
            if (!@new.TryGetValue(key, out var counterpart))
            {
                changes.Add(new SpecChange(where, $"parameter {key} removed", Breaking: true));
                continue;
            }

            var wasRequired = IsTrue(parameter["required"]);
            var isRequired = IsTrue(counterpart["required"]);
            if (wasRequired != isRequired)
            {
                changes.Add(new SpecChange(where, $"parameter {key} is now {(isRequired ? "required" : "optional")}", Breaking: isRequired));
            }

            CompareSchema(where, $"parameter {key}", parameter["schema"], counterpart["schema"], changes);
        }

        foreach (var (key, parameter) in @new.Where(p => !old.ContainsKey(p.Key)))
        {
            var required = IsTrue(parameter["required"]);
            changes.Add(new SpecChange(where, $"parameter {key} added{(required ? " (required)" : " (optional)")}", Breaking: required));
        }
    }

    private static void CompareRequestBody(string where, JsonObject? old, JsonObject? @new, List<SpecChange> changes)
    {
        if (old is null && @new is null)
        {
            return;
        }

        if (old is null)
        {
            var required = IsTrue(@new!["required"]);
            changes.Add(new SpecChange(where, $"request body added{(required ? " (required)" : " (optional)")}", Breaking: required));
            return;
        }

        if (@new is null)
        {
            changes.Add(new SpecChange(where, "request body removed", Breaking: true));
            return;
        }

        var wasRequired = IsTrue(old["required"]);
        var isRequired = IsTrue(@new["required"]);
        if (wasRequired != isRequired)
        {
            changes.Add(new SpecChange(where, $"request body is now {(isRequired ? "required" : "optional")}", Breaking: isRequired));
        }

        CompareContent(where, "request body", old["content"] as JsonObject, @new["content"] as JsonObject, changes);
    }

    private static void CompareResponses(string where, JsonObject? old, JsonObject? @new, List<SpecChange> changes)
    {
        old ??= [];
        @new ??= [];
        foreach (var (code, response) in old)
        {
            if (@new[code] is not JsonObject counterpart)
            {
                changes.Add(new SpecChange(where, $"response {code} removed", Breaking: true));
                continue;
            }

            CompareContent(where, $"response {code}", (response as JsonObject)?["content"] as JsonObject, counterpart["content"] as JsonObject, changes);
        }

        foreach (var (code, _) in @new.Where(r => !old.ContainsKey(r.Key)))
        {
            changes.Add(new SpecChange(where, $"response {code} added", Breaking: false));
        }
    }

    private static void CompareContent(string where, string what, JsonObject? old, JsonObject? @new, List<SpecChange> changes)
    {
        old ??= [];
        @new ??= [];
        foreach (var (mediaType, media) in old)
        {
            if (@new[mediaType] is not JsonObject counterpart)
            {
                changes.Add(new SpecChange(where, $"{what}: media type {mediaType} removed", Breaking: true));
                continue;
            }

            CompareSchema(where, $"{what} ({mediaType})", (media as JsonObject)?["schema"], counterpart["schema"], changes);
        }

        foreach (var (mediaType, _) in @new.Where(m => !old.ContainsKey(m.Key)))
        {
            changes.Add(new SpecChange(where, $"{what}: media type {mediaType} added", Breaking: false));
        }
    }

    private static void CompareComponents(JsonObject older, JsonObject newer, List<SpecChange> changes)
    {
        var old = older["components"]?["schemas"] as JsonObject ?? [];
        var @new = newer["components"]?["schemas"] as JsonObject ?? [];
        foreach (var (name, schema) in old)
        {
            if (@new[name] is not { } counterpart)
            {
                changes.Add(new SpecChange($"schema {name}", "removed", Breaking: true));
                continue;
            }

            CompareSchema($"schema {name}", string.Empty, schema, counterpart, changes);
        }

        foreach (var (name, _) in @new.Where(s => !old.ContainsKey(s.Key)))
        {
            changes.Add(new SpecChange($"schema {name}", "added", Breaking: false));
        }
    }

    /// <summary>Compares two schemas; a <c>$ref</c> is compared by name (the named schemas are compared on their own).</summary>
    private static void CompareSchema(string where, string what, JsonNode? old, JsonNode? @new, List<SpecChange> changes)
    {
        var prefix = what.Length == 0 ? string.Empty : what + ": ";
        if (old is not JsonObject a || @new is not JsonObject b)
        {
            if ((old is null) != (@new is null))
            {
                changes.Add(new SpecChange(where, $"{prefix}schema {(old is null ? "added" : "removed")}", Breaking: true));
            }

            return;
        }

        var oldShape = Shape(a);
        var newShape = Shape(b);
        if (oldShape != newShape)
        {
            changes.Add(new SpecChange(where, $"{prefix}type {oldShape} → {newShape}", Breaking: true));
            return;
        }

        var wasNullable = IsTrue(a["nullable"]);
        var isNullable = IsTrue(b["nullable"]);
        // nullable beside no type means nothing in 3.0 (lint error; NSwag generates object? either way): not a change.
        var untyped = oldShape == "any" && (a["type"] is null || b["type"] is null);
        if (wasNullable != isNullable && !untyped)
        {
            // A response field that may now be null can break a caller that trusted it; a request field that may
            // now be null breaks nobody. The generated API diff below shows which signatures it touched.
            changes.Add(new SpecChange(where, $"{prefix}{(isNullable ? "now nullable" : "no longer nullable")}", Breaking: false));
        }

        CompareEnum(where, prefix, a, b, changes);
        CompareProperties(where, prefix, a, b, changes);
        CompareSchema(where, $"{prefix}items", a["items"], b["items"], changes);
        if (a["additionalProperties"] is JsonObject || b["additionalProperties"] is JsonObject)
        {
            CompareSchema(where, $"{prefix}additionalProperties", a["additionalProperties"], b["additionalProperties"], changes);
        }

        var bothReferences = IsReference(a) && IsReference(b);
        foreach (var key in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (!(bothReferences && key == "allOf"))
            {
                CompareComposition(where, prefix, key, a[key] as JsonArray, b[key] as JsonArray, changes);
            }
        }

        if (!JsonNode.DeepEquals(Strip(a["discriminator"]), Strip(b["discriminator"])))
        {
            changes.Add(new SpecChange(where, $"{prefix}discriminator changed", Breaking: true));
        }
    }

    // Members compared one by one (an inherited schema's own properties live in its second allOf member).
    private static void CompareComposition(string where, string prefix, string key, JsonArray? old, JsonArray? @new, List<SpecChange> changes)
    {
        if (old is null && @new is null)
        {
            return;
        }

        if (old is null || @new is null || old.Count != @new.Count)
        {
            changes.Add(new SpecChange(where, $"{prefix}{key} changed ({old?.Count ?? 0} → {@new?.Count ?? 0} members)", Breaking: true));
            return;
        }

        for (var i = 0; i < old.Count; i++)
        {
            CompareSchema(where, $"{prefix}{key}[{i}]", old[i], @new[i], changes);
        }
    }

    private static void CompareEnum(string where, string prefix, JsonObject a, JsonObject b, List<SpecChange> changes)
    {
        var old = EnumValues(a);
        var @new = EnumValues(b);
        foreach (var value in old.Except(@new))
        {
            changes.Add(new SpecChange(where, $"{prefix}enum value {value} removed", Breaking: true));
        }

        foreach (var value in @new.Except(old))
        {
            changes.Add(new SpecChange(where, $"{prefix}enum value {value} added", Breaking: false));
        }
    }

    private static List<string> EnumValues(JsonObject schema) =>
        schema["enum"] is JsonArray values ? values.Select(v => v?.ToJsonString() ?? "null").ToList() : [];

    private static void CompareProperties(string where, string prefix, JsonObject a, JsonObject b, List<SpecChange> changes)
    {
        var old = a["properties"] as JsonObject ?? [];
        var @new = b["properties"] as JsonObject ?? [];
        var oldRequired = Required(a);
        var newRequired = Required(b);
        var removed = old.Where(p => !@new.ContainsKey(p.Key)).Select(p => p.Key).ToList();
        var added = @new.Where(p => !old.ContainsKey(p.Key)).Select(p => p.Key).ToList();

        // A rename: a property removed and one added with the same schema (description aside) in the same object.
        foreach (var name in removed.ToList())
        {
            var renamed = added.FirstOrDefault(n => JsonNode.DeepEquals(Strip(old[name]), Strip(@new[n])));
            if (renamed is not null)
            {
                removed.Remove(name);
                added.Remove(renamed);
                changes.Add(new SpecChange(where, $"{prefix}property '{name}' renamed to '{renamed}'", Breaking: true));
            }
        }

        changes.AddRange(removed.Select(name => new SpecChange(where, $"{prefix}property '{name}' removed", Breaking: true)));
        foreach (var name in added)
        {
            var required = newRequired.Contains(name);
            changes.Add(new SpecChange(where, $"{prefix}property '{name}' added{(required ? " (required)" : string.Empty)}", Breaking: required));
        }

        foreach (var (name, schema) in old)
        {
            if (@new[name] is not { } counterpart)
            {
                continue;
            }

            if (oldRequired.Contains(name) != newRequired.Contains(name))
            {
                var required = newRequired.Contains(name);
                changes.Add(new SpecChange(where, $"{prefix}property '{name}' is now {(required ? "required" : "optional")}", Breaking: required));
            }

            CompareSchema(where, $"{prefix}property '{name}'", schema, counterpart, changes);
        }
    }

    private static HashSet<string> Required(JsonObject schema) =>
        schema["required"] is JsonArray names ? names.Select(JsonEdit.AsString).Where(n => n is not null).Cast<string>().ToHashSet(StringComparer.Ordinal) : [];

    private static bool IsReference(JsonObject schema) =>
        schema["$ref"] is not null || (schema["allOf"] is JsonArray { Count: 1 } allOf && allOf[0] is JsonObject only && only["$ref"] is not null);

    /// <summary>The shape a caller sees: the referenced schema, else type and format ("string/date-time").</summary>
    private static string Shape(JsonObject schema)
    {
        if (JsonEdit.AsString(schema["$ref"]) is { } reference)
        {
            return reference[(reference.LastIndexOf('/') + 1)..];
        }

        if (schema["allOf"] is JsonArray { Count: 1 } allOf && allOf[0] is JsonObject only && JsonEdit.AsString(only["$ref"]) is not null)
        {
            // allOf: [$ref] (+ nullable) is the 3.0 spelling of "that schema": the same type to a caller.
            return Shape(only);
        }

        var type = JsonEdit.AsString(schema["type"]) ?? "any";
        if (type == "object" && schema["properties"] is null && schema["additionalProperties"] is null or JsonObject { Count: 0 } && schema["allOf"] is null)
        {
            // An object with nothing declared is any JSON to a caller, as an untyped schema is (C# object for both).
            type = "any";
        }

        return JsonEdit.AsString(schema["format"]) is { } format ? $"{type}/{format}" : type;
    }

    /// <summary>A copy without documentation and our annotations, for "the same schema" checks.</summary>
    private static JsonNode? Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (key, value) in o)
                {
                    if (!IgnoredKeywords.Contains(key) && !key.StartsWith(AnnotationCarrier.Prefix, StringComparison.Ordinal))
                    {
                        copy[key] = Strip(value);
                    }
                }

                return copy;
            case JsonArray a:
                return new JsonArray(a.Select(Strip).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var b) && b;
}
