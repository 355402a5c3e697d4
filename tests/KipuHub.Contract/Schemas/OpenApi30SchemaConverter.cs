using System.Text.Json.Nodes;

namespace KipuHub.Contract.Schemas;

/// <summary>
/// Rewrites the Schema Objects of an OpenAPI 3.0.3 document into JSON Schema 2020-12, in place, so a standard JSON
/// Schema validator applies the OpenAPI meaning and nothing else.
/// </summary>
/// <remarks>
/// <para>The rules are the OpenAPI 3.0.3 ones: <c>nullable: true</c> adds <c>null</c> to the <c>type</c> beside it (and to
/// its <c>enum</c>) and does nothing without a <c>type</c>; the siblings of a <c>$ref</c> are ignored; boolean
/// <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> become the numeric form; OpenAPI-only keywords (<c>discriminator</c>,
/// <c>example</c>, <c>xml</c>, <c>externalDocs</c>, <c>x-*</c>) are dropped, because the validator refuses keywords it
/// does not know, so a construct this converter missed fails loudly instead of being skipped.</para>
/// <para>A <c>discriminator</c> with a <c>mapping</c> is kept as validation: every reference to the base schema outside
/// a component schema's own <c>allOf</c> (there it is a variant inheriting the base; a property's single-member
/// <c>allOf</c> beside its description is a use) is pointed at a dispatcher that applies
/// the base and, for each mapped value, the variant's schema. A value the mapping does not name is checked against the
/// base only, which is what the specs promise ("a value of <c>type</c> this SDK does not know still round-trips").</para>
/// </remarks>
internal static class OpenApi30SchemaConverter
{
    /// <summary>Where the dispatchers live in the converted document (outside <c>components</c>, so no name can clash).</summary>
    public const string DispatchSection = "x-contract-dispatch";

    private const string SchemasPrefix = "#/components/schemas/";

    private static readonly string[] SchemaArrays = ["allOf", "anyOf", "oneOf"];
    private static readonly string[] SchemaValues = ["items", "not", "additionalProperties"];
    private static readonly string[] DroppedKeywords = ["nullable", "discriminator", "example", "xml", "externalDocs"];

    /// <summary>Converts every Schema Object of <paramref name="document"/> (an OpenAPI 3.0 document) in place.</summary>
    /// <param name="document">The parsed document; changed.</param>
    public static void ConvertDocument(JsonObject document)
    {
        var schemas = document["components"]?["schemas"] as JsonObject;
        var dispatched = CollectDiscriminators(schemas);
        if (schemas is not null)
        {
            foreach (var (_, schema) in schemas)
            {
                ConvertSchema(schema, dispatched, insideAllOf: false, isComponent: true);
            }
        }

        ConvertSchemaSlots(document["paths"], dispatched);
        var dispatch = new JsonObject();
        foreach (var (name, discriminator) in dispatched)
        {
            dispatch[name] = Dispatcher(name, discriminator);
        }

        document[DispatchSection] = dispatch;
    }

    /// <summary>Converts one Schema Object (and its subschemas) in place; for tests and for a schema outside a document.</summary>
    /// <param name="schema">The schema; changed.</param>
    public static void ConvertSchema(JsonNode? schema) => ConvertSchema(schema, new Dictionary<string, Discriminator>(), insideAllOf: false);

    private static Dictionary<string, Discriminator> CollectDiscriminators(JsonObject? schemas)
    {
        var found = new Dictionary<string, Discriminator>(StringComparer.Ordinal);
        if (schemas is null)
        {
            return found;
        }

        foreach (var (name, schema) in schemas)
        {
            if (schema?["discriminator"] is JsonObject discriminator && discriminator["mapping"] is JsonObject mapping
                && discriminator["propertyName"]?.GetValue<string>() is { } property)
            {
                found[name] = new Discriminator(property, mapping.Select(entry => (entry.Key, entry.Value!.GetValue<string>())).ToList());
            }
        }

        return found;
    }

    // { allOf: [ base, { if: { properties: { <p>: { const: v } }, required: [p] }, then: variant }, ... ] }
    private static JsonObject Dispatcher(string baseName, Discriminator discriminator)
    {
        var allOf = new JsonArray(new JsonObject { ["$ref"] = SchemasPrefix + baseName });
        foreach (var (value, target) in discriminator.Mapping)
        {
            allOf.Add(new JsonObject
            {
                ["if"] = new JsonObject
                {
                    ["type"] = "object", // else a null or a number would pass the "if" and be judged by every variant
                    ["properties"] = new JsonObject { [discriminator.Property] = new JsonObject { ["const"] = value } },
                    ["required"] = new JsonArray(discriminator.Property),
                },
                ["then"] = new JsonObject { ["$ref"] = target },
            });
        }

        return new JsonObject { ["allOf"] = allOf };
    }

    // Path items, operations, parameters, request bodies, responses and media types: every "schema" member is a Schema Object.
    private static void ConvertSchemaSlots(JsonNode? node, IReadOnlyDictionary<string, Discriminator> dispatched)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "schema")
                    {
                        ConvertSchema(value, dispatched, insideAllOf: false);
                    }
                    else if (!key.StartsWith("x-", StringComparison.Ordinal) && key != "example" && key != "examples")
                    {
                        ConvertSchemaSlots(value, dispatched);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    ConvertSchemaSlots(item, dispatched);
                }

                break;
        }
    }

    // insideAllOf: the schema is a member of a component schema's own allOf, i.e. a variant inheriting its base. An allOf
    // anywhere else (a property's `allOf: [{$ref}]` beside its description) is a use of the base, so it dispatches.
    private static void ConvertSchema(JsonNode? node, IReadOnlyDictionary<string, Discriminator> dispatched, bool insideAllOf, bool isComponent = false)
    {
        if (node is not JsonObject schema)
        {
            return; // true/false schemas (e.g. additionalProperties: true) mean the same in both dialects
        }

        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            // OpenAPI 3.0: "This object cannot be extended with additional properties and any properties added SHALL be ignored."
            schema.Clear();
            schema["$ref"] = !insideAllOf && reference.StartsWith(SchemasPrefix, StringComparison.Ordinal) && dispatched.ContainsKey(reference[SchemasPrefix.Length..])
                ? $"#/{DispatchSection}/{reference[SchemasPrefix.Length..]}"
                : reference;
            return;
        }

        ApplyNullable(schema);
        ApplyExclusiveBounds(schema, "exclusiveMinimum", "minimum");
        ApplyExclusiveBounds(schema, "exclusiveMaximum", "maximum");
        foreach (var key in schema.Select(entry => entry.Key).Where(key => DroppedKeywords.Contains(key) || key.StartsWith("x-", StringComparison.Ordinal)).ToList())
        {
            schema.Remove(key);
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (_, property) in properties)
            {
                ConvertSchema(property, dispatched, insideAllOf: false);
            }
        }

        foreach (var key in SchemaValues)
        {
            ConvertSchema(schema[key], dispatched, insideAllOf: false);
        }

        foreach (var key in SchemaArrays)
        {
            if (schema[key] is JsonArray members)
            {
                foreach (var member in members)
                {
                    ConvertSchema(member, dispatched, insideAllOf: key == "allOf" && isComponent);
                }
            }
        }
    }

    // OpenAPI 3.0.3 4.7.24.1: "A true value adds "null" to the allowed types specified by the type keyword, only if type
    // is explicitly defined within the same Schema Object." An enum must list null too, or null would still fail it.
    private static void ApplyNullable(JsonObject schema)
    {
        if (schema["nullable"] is not JsonValue flag || !flag.GetValue<bool>() || schema["type"] is not JsonValue type)
        {
            return;
        }

        schema["type"] = new JsonArray(type.GetValue<string>(), "null");
        if (schema["enum"] is JsonArray values && !values.Any(value => value is null))
        {
            values.Add(null);
        }
    }

    // OpenAPI 3.0 (JSON Schema draft 4-5): exclusiveMinimum: true makes minimum exclusive; 2020-12 takes the bound itself.
    private static void ApplyExclusiveBounds(JsonObject schema, string exclusive, string inclusive)
    {
        if (schema[exclusive] is JsonValue flag && flag.TryGetValue<bool>(out var isExclusive))
        {
            schema.Remove(exclusive);
            if (isExclusive && schema[inclusive] is { } bound)
            {
                schema.Remove(inclusive);
                schema[exclusive] = bound.DeepClone();
            }
        }
    }

    /// <summary>A base schema's discriminator: the property and each value's variant reference.</summary>
    private sealed record Discriminator(string Property, IReadOnlyList<(string Value, string Ref)> Mapping);
}
