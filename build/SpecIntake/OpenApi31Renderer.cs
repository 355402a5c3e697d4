using System.Text.Json.Nodes;

namespace KipuHub.SpecIntake;

/// <summary>
/// Renders one of our 3.0.3 specs the way a 3.1 publisher (FastAPI, Fern, Spring) would write the same API: version
/// 3.1.0, <c>nullable</c> as type arrays, an optional object property as <c>anyOf: [{$ref}, {type: null}]</c>, a
/// nullable <c>allOf: [{$ref}]</c> the same way, a one-value enum as <c>const</c>, <c>example</c> as <c>examples</c>,
/// the boolean <c>exclusiveMinimum</c> as a number, and no <c>nullable</c> on untyped schemas (they admit null in 3.1).
/// (An untyped nullable body imports as <c>type: object</c> + <c>nullable</c>, which NSwag generates identically.)
/// It exists to prove the intake step (<see cref="OpenApi31Downgrader"/>) against real documents: the round trip must
/// give byte-identical generated code (tests/KipuHub.SpecIntake.Tests).
/// </summary>
internal static class OpenApi31Renderer
{
    /// <summary>Rewrites <paramref name="document"/> in place into its 3.1 rendering.</summary>
    internal static void Render(JsonObject document)
    {
        SchemaWalker.Walk(document, RenderSchema);
        document["openapi"] = "3.1.0";
    }

    private static JsonNode RenderSchema(JsonObject schema, SchemaPosition position, JsonObject? parent, string pointer)
    {
        var nullable = schema["nullable"] is JsonValue flag && flag.TryGetValue<bool>(out var isNullable) && isNullable;
        schema.Remove("nullable");
        if (schema["type"] is JsonValue type && nullable)
        {
            JsonEdit.ReplaceMember(schema, "type", ("type", new JsonArray(type.DeepClone(), "null")));
            if (schema["enum"] is JsonArray values)
            {
                values.Add(null);
            }
        }

        if (schema["enum"] is JsonArray { Count: 1 } single && schema["type"] is not JsonArray)
        {
            JsonEdit.ReplaceMember(schema, "enum", ("const", single[0]?.DeepClone()));
        }

        if (schema.ContainsKey("example"))
        {
            JsonEdit.ReplaceMember(schema, "example", ("examples", new JsonArray(schema["example"]?.DeepClone())));
        }

        RenderExclusiveBound(schema, "exclusiveMinimum", "minimum");
        RenderExclusiveBound(schema, "exclusiveMaximum", "maximum");

        if (nullable && schema["allOf"] is JsonArray { Count: 1 } allOf && allOf[0] is JsonObject { Count: 1 } target && target["$ref"] is not null)
        {
            JsonEdit.ReplaceMember(schema, "allOf", ("anyOf", new JsonArray(target.DeepClone(), new JsonObject { ["type"] = "null" })));
            return schema;
        }

        if (position == SchemaPosition.Property && schema["$ref"] is not null && schema.Count == 1 && !IsRequired(parent, pointer))
        {
            return new JsonObject { ["anyOf"] = new JsonArray(schema.DeepClone(), new JsonObject { ["type"] = "null" }) };
        }

        return schema;
    }

    private static void RenderExclusiveBound(JsonObject schema, string exclusive, string inclusive)
    {
        if (schema[exclusive] is JsonValue flag && flag.TryGetValue<bool>(out var on))
        {
            if (on && schema[inclusive] is { } bound)
            {
                JsonEdit.ReplaceMember(schema, inclusive, (exclusive, bound.DeepClone()));
            }
            else
            {
                schema.Remove(exclusive);
            }
        }
    }

    private static bool IsRequired(JsonObject? parent, string pointer)
    {
        var name = pointer[(pointer.LastIndexOf('/') + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
        return parent?["required"] is JsonArray required && required.Any(r => JsonEdit.IsString(r, name));
    }
}
