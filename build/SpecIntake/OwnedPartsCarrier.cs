using System.Text.Json.Nodes;

namespace KipuHub.SpecIntake;

/// <summary>
/// Carries the parts of the current spec that we made by hand and the Hub's document lacks ("carried from our
/// spec"). The rule is deliberately narrow: something is carried only where the Hub's document has <em>nothing</em>
/// at that place, so whatever the Hub says wins. What is carried:
/// <list type="bullet">
/// <item><c>info.license</c> and <c>servers</c>, when the document has none;</item>
/// <item><c>components/parameters</c> entries the document does not define, with their <c>$ref</c>s on every operation
/// (and path item) that exists in both and does not already have a parameter of that name and location; an entry is
/// carried only when at least one reference to it is;</item>
/// <item>a missing <c>description</c> (and an operation's <c>summary</c>) of the document, a tag, an operation, a
/// parameter, a request body, a response, a schema and every nested schema (properties, items, allOf/anyOf/oneOf
/// members), paired by name (operations by <see cref="OperationIndex"/>, parameters by name + location);</item>
/// <item>annotation-only structure in schemas: a <c>$ref</c> wrapped as <c>allOf: [{$ref}]</c> with a description
/// (3.0 ignores a <c>$ref</c>'s siblings) where the document has the bare <c>$ref</c>; <c>allOf</c> members that hold
/// only a description/title; an explicit <c>additionalProperties: true</c> where the document says nothing (the
/// same meaning, JSON Schema's default, but the TypeScript and C# generators read it).</item>
/// </list>
/// Runs before <see cref="AnnotationCarrier"/>, so the annotations inside carried parts come along as they are.
/// </summary>
internal static class OwnedPartsCarrier
{
    private const string ParameterRefPrefix = "#/components/parameters/";
    private static readonly string[] AnnotationKeys = ["description", "title"];

    /// <summary>Copies our parts of <paramref name="current"/> into <paramref name="imported"/>; returns what was carried.</summary>
    internal static RewriteLog Carry(JsonObject? current, JsonObject imported)
    {
        var log = new RewriteLog();
        if (current is null)
        {
            return log;
        }

        CarryWhenAbsent(current, imported, "servers", "/servers", log);
        if (current["info"] is JsonObject currentInfo && imported["info"] is JsonObject importedInfo)
        {
            CarryWhenAbsent(currentInfo, importedInfo, "license", "/info/license", log);
            FillDescription(currentInfo, importedInfo, "/info", log);
        }

        CarrySharedParameters(current, imported, log);
        FillTags(current, imported, log);
        FillComponents(current, imported, log);
        foreach (var (old, @new) in OperationIndex.Match(OperationIndex.Of(current), OperationIndex.Of(imported)))
        {
            if (old is not null && @new is not null)
            {
                FillOperation(current, imported, old, @new, log);
            }
        }

        return log;
    }

    private static void CarryWhenAbsent(JsonObject from, JsonObject to, string key, string pointer, RewriteLog log)
    {
        if (from[key] is { } value && IsAbsent(to[key]))
        {
            JsonEdit.InsertAsIn(to, key, value.DeepClone(), from);
            log.Add($"{key} (the document has none)", pointer);
        }
    }

    private static bool IsAbsent(JsonNode? node) => node is null || node is JsonArray { Count: 0 };

    // Shared parameters: references first (an entry is carried only if something refers to it), then the entries.
    private static void CarrySharedParameters(JsonObject current, JsonObject imported, RewriteLog log)
    {
        if (current["components"]?["parameters"] is not JsonObject ours || ours.Count == 0)
        {
            return;
        }

        var theirs = imported["components"]?["parameters"] as JsonObject;
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (old, @new) in OperationIndex.Match(OperationIndex.Of(current), OperationIndex.Of(imported)))
        {
            if (old is not null && @new is not null)
            {
                AddReferences(current, imported, ours, theirs, old.Node, @new.Node, [@new.PathItem], Pointer(@new), used, log);
            }
        }

        if (current["paths"] is JsonObject currentPaths && imported["paths"] is JsonObject importedPaths)
        {
            foreach (var (path, item) in currentPaths)
            {
                if (item is JsonObject oldItem && importedPaths[path] is JsonObject newItem)
                {
                    AddReferences(current, imported, ours, theirs, oldItem, newItem, [], $"/paths/{SchemaWalker.Escape(path)}", used, log);
                }
            }
        }

        foreach (var name in ours.Select(m => m.Key).Where(used.Contains))
        {
            if (theirs is null)
            {
                var components = imported["components"] as JsonObject;
                if (components is null)
                {
                    components = [];
                    JsonEdit.InsertAsIn(imported, "components", components, current);
                }

                theirs = [];
                JsonEdit.InsertAsIn(components, "parameters", theirs, (JsonObject)current["components"]!);
            }

            JsonEdit.InsertAsIn(theirs, name, ours[name]!.DeepClone(), ours);
            log.Add("shared parameter (components/parameters entry the document lacks)", $"/components/parameters/{SchemaWalker.Escape(name)}");
        }
    }

    // Adds to newOwner.parameters each $ref of oldOwner.parameters to an entry the document lacks (or has under the
    // same name), at the index it had, unless the operation already has a parameter of that name and location.
    private static void AddReferences(JsonObject current, JsonObject imported, JsonObject ours, JsonObject? theirs, JsonObject oldOwner, JsonObject newOwner, JsonObject[] inherited, string pointer, HashSet<string> used, RewriteLog log)
    {
        if (oldOwner["parameters"] is not JsonArray oldParameters)
        {
            return;
        }

        for (var i = 0; i < oldParameters.Count; i++)
        {
            if (JsonEdit.AsString(oldParameters[i]?["$ref"]) is not { } reference || !reference.StartsWith(ParameterRefPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = reference[ParameterRefPrefix.Length..];
            var theirsHasIt = theirs?.ContainsKey(name) == true;
            if ((theirsHasIt ? theirs![name] : ours[name]) is not JsonObject target)
            {
                continue;
            }

            // Already there: the same header (or query, ...) parameter, inline or by any $ref of the document.
            var key = (JsonEdit.AsString(target["name"]), JsonEdit.AsString(target["in"]));
            var present = new[] { newOwner }.Concat(inherited)
                .SelectMany(o => (o["parameters"] as JsonArray)?.OfType<JsonObject>() ?? [])
                .Any(p => Identity(imported, p) == key || JsonEdit.IsString(p["$ref"], reference));
            if (present)
            {
                continue;
            }

            if (newOwner["parameters"] is not JsonArray newParameters)
            {
                newParameters = [];
                JsonEdit.InsertAsIn(newOwner, "parameters", newParameters, oldOwner);
            }

            newParameters.Insert(Math.Min(i, newParameters.Count), oldParameters[i]!.DeepClone());
            if (!theirsHasIt)
            {
                used.Add(name);
            }

            log.Add("$ref to a shared parameter on an operation", pointer);
        }
    }

    // A parameter's name and location, its $ref resolved in the document it belongs to.
    private static (string? Name, string? In) Identity(JsonObject document, JsonObject parameter)
    {
        var resolved = Resolve(document, parameter);
        return (JsonEdit.AsString(resolved?["name"]), JsonEdit.AsString(resolved?["in"]));
    }

    private static JsonObject? Resolve(JsonObject document, JsonObject parameter) =>
        JsonEdit.AsString(parameter["$ref"]) is { } reference
            ? reference.StartsWith(ParameterRefPrefix, StringComparison.Ordinal) ? document["components"]?["parameters"]?[reference[ParameterRefPrefix.Length..]] as JsonObject : null
            : parameter;

    private static void FillTags(JsonObject current, JsonObject imported, RewriteLog log)
    {
        if (current["tags"] is not JsonArray ours || imported["tags"] is not JsonArray theirs)
        {
            return;
        }

        foreach (var tag in theirs.OfType<JsonObject>())
        {
            var name = JsonEdit.AsString(tag["name"]);
            if (ours.OfType<JsonObject>().FirstOrDefault(t => name is not null && JsonEdit.IsString(t["name"], name)) is { } our)
            {
                FillDescription(our, tag, $"/tags/{name}", log);
            }
        }
    }

    private static void FillComponents(JsonObject current, JsonObject imported, RewriteLog log)
    {
        if (current["components"] is not JsonObject ours || imported["components"] is not JsonObject theirs)
        {
            return;
        }

        ForEachPair(ours["schemas"], theirs["schemas"], (from, to, name) => FillSchemaSlot(from, to, name, $"/components/schemas/{SchemaWalker.Escape(name)}", log));
        ForEachPair(ours["parameters"], theirs["parameters"], (from, to, name) => FillParameter(from[name] as JsonObject, to[name] as JsonObject, $"/components/parameters/{SchemaWalker.Escape(name)}", log));
        ForEachPair(ours["requestBodies"], theirs["requestBodies"], (from, to, name) => FillBody(from[name] as JsonObject, to[name] as JsonObject, $"/components/requestBodies/{SchemaWalker.Escape(name)}", log));
        ForEachPair(ours["responses"], theirs["responses"], (from, to, name) => FillBody(from[name] as JsonObject, to[name] as JsonObject, $"/components/responses/{SchemaWalker.Escape(name)}", log));
    }

    private static void FillOperation(JsonObject current, JsonObject imported, OperationEntry old, OperationEntry @new, RewriteLog log)
    {
        var pointer = Pointer(@new);
        foreach (var key in new[] { "summary", "description" })
        {
            if (old.Node[key] is JsonValue value && @new.Node[key] is null)
            {
                JsonEdit.InsertAsIn(@new.Node, key, value.DeepClone(), old.Node);
                log.Add($"operation {key}", pointer);
            }
        }

        if (old.Node["parameters"] is JsonArray oldParameters && @new.Node["parameters"] is JsonArray newParameters)
        {
            for (var i = 0; i < newParameters.Count; i++)
            {
                // A $ref'd parameter is filled with its component (FillComponents).
                if (newParameters[i] is JsonObject parameter && parameter["$ref"] is null)
                {
                    var key = Identity(imported, parameter);
                    var match = oldParameters.OfType<JsonObject>().FirstOrDefault(p => p["$ref"] is null && Identity(current, p) == key);
                    FillParameter(match, parameter, $"{pointer}/parameters/{i}", log);
                }
            }
        }

        FillBody(old.Node["requestBody"] as JsonObject, @new.Node["requestBody"] as JsonObject, $"{pointer}/requestBody", log);
        ForEachPair(old.Node["responses"], @new.Node["responses"], (from, to, code) => FillBody(from[code] as JsonObject, to[code] as JsonObject, $"{pointer}/responses/{code}", log));
    }

    private static void FillParameter(JsonObject? from, JsonObject? to, string pointer, RewriteLog log)
    {
        if (from is null || to is null || to["$ref"] is not null)
        {
            return;
        }

        FillDescription(from, to, pointer, log);
        FillSchemaSlot(from, to, "schema", $"{pointer}/schema", log);
        FillContent(from, to, pointer, log);
    }

    // A request body or a response: its description and its media types' schemas.
    private static void FillBody(JsonObject? from, JsonObject? to, string pointer, RewriteLog log)
    {
        if (from is null || to is null || to["$ref"] is not null)
        {
            return;
        }

        FillDescription(from, to, pointer, log);
        FillContent(from, to, pointer, log);
    }

    private static void FillContent(JsonObject from, JsonObject to, string pointer, RewriteLog log) =>
        ForEachPair(from["content"], to["content"], (ours, theirs, mediaType) =>
        {
            if (ours[mediaType] is JsonObject ourMedia && theirs[mediaType] is JsonObject theirMedia)
            {
                FillSchemaSlot(ourMedia, theirMedia, "schema", $"{pointer}/content/{SchemaWalker.Escape(mediaType)}/schema", log);
            }
        });

    private static void FillSchemaSlot(JsonObject fromOwner, JsonObject toOwner, string key, string pointer, RewriteLog log)
    {
        if (fromOwner[key] is JsonObject from && toOwner[key] is JsonObject to)
        {
            var kept = FillSchema(from, to, pointer, log);
            if (!ReferenceEquals(kept, to))
            {
                toOwner[key] = kept;
            }
        }
    }

    // Returns the schema to keep: the document's own, filled in place, or our allOf wrapper of the same $ref.
    private static JsonObject FillSchema(JsonObject from, JsonObject to, string pointer, RewriteLog log)
    {
        if (IsBareRef(to) && IsAnnotatedWrapperOf(from, JsonEdit.AsString(to["$ref"])!))
        {
            var wrapper = (JsonObject)from.DeepClone();
            ((JsonArray)wrapper["allOf"]!)[0] = to.DeepClone();
            log.Add("$ref wrapped in allOf to carry its description", pointer);
            if (from["description"] is not null)
            {
                log.Add("description", pointer);
            }

            return wrapper;
        }

        if (to["$ref"] is not null)
        {
            return to;
        }

        FillDescription(from, to, pointer, log);
        foreach (var key in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (from[key] is JsonArray ours && to[key] is JsonArray theirs)
            {
                if (key == "allOf")
                {
                    RestoreAnnotationMembers(ours, theirs, $"{pointer}/allOf", log);
                }

                if (ours.Count == theirs.Count)
                {
                    for (var i = 0; i < theirs.Count; i++)
                    {
                        if (ours[i] is JsonObject our && theirs[i] is JsonObject their)
                        {
                            if (FillSchema(our, their, $"{pointer}/{key}/{i}", log) is var kept && !ReferenceEquals(kept, their))
                            {
                                theirs[i] = kept;
                            }
                        }
                    }
                }
            }
        }

        ForEachPair(from["properties"], to["properties"], (ours, theirs, name) => FillSchemaSlot(ours, theirs, name, $"{pointer}/properties/{SchemaWalker.Escape(name)}", log));
        FillSchemaSlot(from, to, "items", $"{pointer}/items", log);
        FillSchemaSlot(from, to, "not", $"{pointer}/not", log);
        FillSchemaSlot(from, to, "additionalProperties", $"{pointer}/additionalProperties", log);
        if (from["additionalProperties"] is JsonValue open && open.TryGetValue<bool>(out var isOpen) && isOpen && to["additionalProperties"] is null
            && JsonNode.DeepEquals(from["type"], to["type"]))
        {
            JsonEdit.InsertAsIn(to, "additionalProperties", true, from);
            log.Add("additionalProperties: true (the same meaning as none)", pointer);
        }

        return to;
    }

    // Our allOf may hold members with only a description/title (a variant with nothing of its own documents itself
    // there); the document's allOf is ours without them: put them back at their places.
    private static void RestoreAnnotationMembers(JsonArray ours, JsonArray theirs, string pointer, RewriteLog log)
    {
        var annotationOnly = Enumerable.Range(0, ours.Count).Where(i => ours[i] is JsonObject member && IsAnnotationOnly(member)).ToList();
        if (annotationOnly.Count == 0 || theirs.Count + annotationOnly.Count != ours.Count || theirs.OfType<JsonObject>().Any(IsAnnotationOnly))
        {
            return;
        }

        foreach (var i in annotationOnly)
        {
            theirs.Insert(i, ours[i]!.DeepClone());
            log.Add("description-only allOf member", $"{pointer}/{i}");
        }
    }

    private static bool IsAnnotationOnly(JsonObject schema) =>
        schema.Count > 0 && schema.All(m => AnnotationKeys.Contains(m.Key) || m.Key.StartsWith(AnnotationCarrier.Prefix, StringComparison.Ordinal));

    private static bool IsBareRef(JsonObject schema) =>
        schema["$ref"] is not null && schema.All(m => m.Key == "$ref" || m.Key.StartsWith("x-", StringComparison.Ordinal));

    // allOf: [{$ref: reference}] and nothing else but annotations (description, title, x-kipuhub-*).
    private static bool IsAnnotatedWrapperOf(JsonObject schema, string reference) =>
        schema["allOf"] is JsonArray { Count: 1 } members && members[0] is JsonObject member && IsBareRef(member) && JsonEdit.IsString(member["$ref"], reference)
        && schema.Count > 1
        && schema.All(m => m.Key == "allOf" || AnnotationKeys.Contains(m.Key) || m.Key.StartsWith(AnnotationCarrier.Prefix, StringComparison.Ordinal));

    private static void FillDescription(JsonObject from, JsonObject to, string pointer, RewriteLog log)
    {
        if (from["description"] is JsonValue value && to["description"] is null)
        {
            JsonEdit.InsertAsIn(to, "description", value.DeepClone(), from);
            log.Add("description", pointer);
        }
    }

    private static void ForEachPair(JsonNode? from, JsonNode? to, Action<JsonObject, JsonObject, string> visit)
    {
        if (from is JsonObject ours && to is JsonObject theirs)
        {
            foreach (var key in theirs.Select(m => m.Key).Where(ours.ContainsKey).ToList())
            {
                visit(ours, theirs, key);
            }
        }
    }

    private static string Pointer(OperationEntry operation) => $"/paths/{SchemaWalker.Escape(operation.Path)}/{operation.Method.ToLowerInvariant()}";
}
