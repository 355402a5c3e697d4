using System.Text.Json.Nodes;

namespace KipuHub.SpecIntake;

/// <summary>
/// Rewrites an OpenAPI 3.1 document (JSON Schema 2020-12 schemas) into the OpenAPI 3.0.3 shapes NSwag 14 generates
/// correctly. NSwag 14 reads 3.1 documents but turns <c>anyOf: [{$ref}, {type: null}]</c> into new anonymous types
/// and misreads type arrays, so every nullable field would change the generated API. Each rewrite keeps the meaning:
/// <list type="bullet">
/// <item><c>type: [T, "null"]</c> → <c>type: T</c> + <c>nullable: true</c> (several non-null types → <c>anyOf</c> of each);</item>
/// <item><c>anyOf</c>/<c>oneOf</c> with a <c>{type: "null"}</c> member → the remaining member + <c>nullable: true</c>; a
///   lone <c>$ref</c> becomes <c>allOf: [{$ref}]</c> + <c>nullable</c> (3.0 ignores siblings of <c>$ref</c>; NSwag
///   generates the referenced type itself for it);</item>
/// <item><c>const</c> → a one-value <c>enum</c>; a schema's <c>examples</c> array → <c>example</c> (its first value);</item>
/// <item><c>$ref</c> with siblings → <c>allOf: [{$ref}]</c> + the siblings (3.1 honours them, 3.0 would drop them);</item>
/// <item>numeric <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> → <c>minimum</c>/<c>maximum</c> + the 3.0 boolean;</item>
/// <item><c>contentEncoding: base64</c> → <c>format: byte</c>, <c>contentMediaType</c> on a string → <c>format: binary</c>;</item>
/// <item>a body schema with no type at all (3.1: any value, null too) → <c>type: object</c> + <c>nullable: true</c> (NSwag's <c>object?</c>);</item>
/// <item>keywords 3.0 lacks (<c>$schema</c>, <c>$id</c>, <c>$comment</c>, <c>unevaluatedProperties</c>, ...) are dropped, and so
///   are <c>jsonSchemaDialect</c>, <c>webhooks</c>, <c>info.summary</c>, <c>license.identifier</c>; <c>openapi</c> becomes 3.0.3.</item>
/// </list>
/// A 3.0 document passes through unchanged (every rule looks for a 3.1-only shape; <c>$ref</c> siblings and untyped
/// bodies are rewritten only in a 3.1 document), so the step also re-imports 3.0.
/// </summary>
internal static class OpenApi31Downgrader
{
    /// <summary>The version every spec in specs/ declares.</summary>
    internal const string TargetVersion = "3.0.3";

    private static readonly string[] DroppedSchemaKeywords =
    [
        "$schema", "$id", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "$comment",
        "unevaluatedProperties", "unevaluatedItems", "dependentRequired", "dependentSchemas", "prefixItems",
        "contains", "minContains", "maxContains", "propertyNames", "if", "then", "else", "patternProperties", "$defs",
        "contentSchema",
    ];

    private static readonly HashSet<string> ShapeKeywords = new(StringComparer.Ordinal)
    {
        "type", "$ref", "allOf", "anyOf", "oneOf", "not", "enum", "const", "properties", "items", "additionalProperties",
        "format", "nullable", "discriminator", "patternProperties", "prefixItems",
    };

    /// <summary>Rewrites <paramref name="document"/> in place; returns what it changed.</summary>
    internal static RewriteLog Downgrade(JsonObject document)
    {
        var log = new RewriteLog();
        var is31 = JsonEdit.AsString(document["openapi"])?.StartsWith("3.1", StringComparison.Ordinal) == true;
        SchemaWalker.Walk(document, (schema, position, parent, pointer) => RewriteSchema(schema, position, pointer, is31, log));
        RewriteDocument(document, log);
        return log;
    }

    private static void RewriteDocument(JsonObject document, RewriteLog log)
    {
        if (JsonEdit.AsString(document["openapi"]) is { } version && version != TargetVersion && version.StartsWith("3.1", StringComparison.Ordinal))
        {
            document["openapi"] = TargetVersion;
            log.Add($"openapi {version} → {TargetVersion}", "/openapi");
        }

        foreach (var key in new[] { "jsonSchemaDialect", "webhooks" })
        {
            if (document.Remove(key))
            {
                log.Add($"dropped {key} (no 3.0 equivalent)", $"/{key}");
            }
        }

        if (document["info"] is JsonObject info)
        {
            if (info.Remove("summary"))
            {
                log.Add("dropped info.summary (3.1 only)", "/info/summary");
            }

            if (info["license"] is JsonObject license && license.Remove("identifier"))
            {
                log.Add("dropped info.license.identifier (3.1 only)", "/info/license/identifier");
            }
        }

        if (document["components"] is JsonObject components && components.Remove("pathItems"))
        {
            log.Add("dropped components.pathItems (3.1 only)", "/components/pathItems");
        }

        if (document["paths"] is null)
        {
            // 3.1 makes paths optional; 3.0 requires the member.
            document["paths"] = new JsonObject();
            log.Add("added an empty paths object (required in 3.0)", "/paths");
        }
    }

    private static JsonNode RewriteSchema(JsonObject schema, SchemaPosition position, string pointer, bool is31, RewriteLog log)
    {
        // 3.0 ignores siblings of $ref by definition: only a 3.1 document means them.
        var result = is31 ? RewriteRefSiblings(schema, pointer, log) : schema;
        if (!ReferenceEquals(result, schema))
        {
            return result;
        }

        RewriteTypeArray(schema, pointer, log);
        RewriteNullInEnum(schema, pointer, log);
        RewriteConst(schema, pointer, log);
        RewriteExamples(schema, pointer, log);
        RewriteExclusiveBound(schema, "exclusiveMinimum", "minimum", pointer, log);
        RewriteExclusiveBound(schema, "exclusiveMaximum", "maximum", pointer, log);
        RewriteContentEncoding(schema, pointer, log);
        DropUnknownKeywords(schema, pointer, log);
        if (is31 && position == SchemaPosition.Body && IsUntyped(schema))
        {
            // A 3.1 body without "type" admits every value, null included. 3.0 can only say "or null" beside a type
            // (nullable without type is a lint error), and NSwag would throw on a null body of an untyped schema:
            // "object, nullable" generates the same C# `object?` and lints clean. Properties stay untyped (their
            // generated type is object? either way).
            JsonEdit.ReplaceMember(schema, "nullable", ("type", "object"), ("nullable", true));
            log.Add("untyped body → type: object + nullable (3.1 admits any value there)", pointer);
        }

        foreach (var key in new[] { "anyOf", "oneOf" })
        {
            var replaced = RewriteNullableComposition(schema, key, pointer, log);
            if (!ReferenceEquals(replaced, schema))
            {
                return replaced;
            }
        }

        return schema;
    }

    private static JsonNode RewriteRefSiblings(JsonObject schema, string pointer, RewriteLog log)
    {
        if (schema["$ref"] is null || schema.Count == 1)
        {
            return schema;
        }

        // 3.0: "$ref" replaces its object, siblings are ignored; keep them by moving the reference into allOf.
        var rewritten = new JsonObject();
        foreach (var (key, value) in schema.ToList())
        {
            schema.Remove(key);
            if (key == "$ref")
            {
                rewritten["allOf"] = new JsonArray(new JsonObject { ["$ref"] = value });
            }
            else
            {
                rewritten[key] = value;
            }
        }

        log.Add("$ref with siblings → allOf: [$ref] + siblings", pointer);
        return RewriteSchema(rewritten, SchemaPosition.Other, pointer, is31: true, log);
    }

    private static void RewriteTypeArray(JsonObject schema, string pointer, RewriteLog log)
    {
        if (schema["type"] is not JsonArray types)
        {
            return;
        }

        var names = types.Select(JsonEdit.AsString).Where(t => t is not null).Cast<string>().ToList();
        var nullable = names.Remove("null");
        switch (names.Count)
        {
            case 0:
                schema.Remove("type");
                break;
            case 1:
                JsonEdit.ReplaceMember(schema, "type", ("type", names[0]));
                break;
            default:
                JsonEdit.ReplaceMember(schema, "type", ("anyOf", new JsonArray(names.Select(n => (JsonNode)new JsonObject { ["type"] = n }).ToArray())));
                log.Add("type array of several types → anyOf of each", pointer);
                break;
        }

        if (nullable)
        {
            JsonEdit.SetAfter(schema, schema.ContainsKey("type") ? "type" : "anyOf", "nullable", true);
        }

        log.Add("type array → type + nullable", pointer);
    }

    private static void RewriteNullInEnum(JsonObject schema, string pointer, RewriteLog log)
    {
        if (schema["enum"] is JsonArray values && values.Any(v => v is null))
        {
            // The null of a nullable enum lives in "nullable" in 3.0; NSwag would otherwise emit a member for it.
            schema["enum"] = new JsonArray(values.Where(v => v is not null).Select(v => v!.DeepClone()).ToArray());
            schema["nullable"] = true;
            log.Add("null in enum → nullable: true", pointer);
        }
    }

    private static void RewriteConst(JsonObject schema, string pointer, RewriteLog log)
    {
        if (!schema.ContainsKey("const"))
        {
            return;
        }

        var value = schema["const"]?.DeepClone();
        if (schema.ContainsKey("enum"))
        {
            schema.Remove("const");
        }
        else
        {
            JsonEdit.ReplaceMember(schema, "const", ("enum", new JsonArray(value)));
        }

        log.Add("const → one-value enum", pointer);
    }

    private static void RewriteExamples(JsonObject schema, string pointer, RewriteLog log)
    {
        if (schema["examples"] is not JsonArray examples)
        {
            return;
        }

        if (examples.Count > 0 && !schema.ContainsKey("example"))
        {
            JsonEdit.ReplaceMember(schema, "examples", ("example", examples[0]?.DeepClone()));
        }
        else
        {
            schema.Remove("examples");
        }

        log.Add("examples → example", pointer);
    }

    private static void RewriteExclusiveBound(JsonObject schema, string exclusive, string inclusive, string pointer, RewriteLog log)
    {
        if (schema[exclusive] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            JsonEdit.ReplaceMember(schema, exclusive, (inclusive, value.DeepClone()), (exclusive, true));
            log.Add($"numeric {exclusive} → {inclusive} + {exclusive}: true", pointer);
        }
    }

    private static void RewriteContentEncoding(JsonObject schema, string pointer, RewriteLog log)
    {
        var encoding = JsonEdit.AsString(schema["contentEncoding"]);
        var mediaType = schema["contentMediaType"];
        if (encoding is null && mediaType is null)
        {
            return;
        }

        schema.Remove("contentEncoding");
        schema.Remove("contentMediaType");
        if (JsonEdit.IsString(schema["type"], "string") && schema["format"] is null)
        {
            schema["format"] = string.Equals(encoding, "base64", StringComparison.OrdinalIgnoreCase) ? "byte" : "binary";
        }

        log.Add("contentEncoding/contentMediaType → format", pointer);
    }

    private static void DropUnknownKeywords(JsonObject schema, string pointer, RewriteLog log)
    {
        foreach (var keyword in DroppedSchemaKeywords)
        {
            if (schema.Remove(keyword))
            {
                log.Add($"dropped {keyword} (no 3.0 equivalent)", pointer);
            }
        }
    }

    private static JsonNode RewriteNullableComposition(JsonObject schema, string key, string pointer, RewriteLog log)
    {
        if (schema[key] is not JsonArray members || !members.Any(IsNullSchema))
        {
            return schema;
        }

        var rest = members.Where(m => !IsNullSchema(m)).ToList();
        if (rest.Count != 1 || rest[0] is not JsonObject only)
        {
            // Several real alternatives: keep them, say "or null" the 3.0 way.
            JsonEdit.ReplaceMember(schema, key, (key, new JsonArray(rest.Select(m => m?.DeepClone()).ToArray())), ("nullable", true));
            log.Add($"{key} with null → {key} of the rest + nullable", pointer);
            return schema;
        }

        if (only["$ref"] is not null && only.Count == 1)
        {
            JsonEdit.ReplaceMember(schema, key, ("allOf", new JsonArray(only.DeepClone())), ("nullable", true));
            log.Add($"{key}: [$ref, null] → allOf: [$ref] + nullable", pointer);
            return schema;
        }

        // One inline alternative: it becomes the schema itself; the outer schema's own members (description, default)
        // win over the alternative's.
        var merged = JsonEdit.CloneObject(only);
        foreach (var (name, value) in schema.ToList())
        {
            if (name != key)
            {
                merged[name] = value?.DeepClone();
            }
        }

        merged["nullable"] = true;
        log.Add($"{key}: [schema, null] → schema + nullable", pointer);
        return merged;
    }

    private static bool IsNullSchema(JsonNode? member) =>
        member is JsonObject o && JsonEdit.IsString(o["type"], "null") && o.All(m => m.Key is "type" or "description" or "title");

    private static bool IsUntyped(JsonObject schema) => !schema.Any(member => ShapeKeywords.Contains(member.Key));
}
