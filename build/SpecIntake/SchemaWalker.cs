using System.Text.Json.Nodes;

namespace KipuHub.SpecIntake;

/// <summary>The place a schema sits in, which decides what some rewrites may assume about it.</summary>
internal enum SchemaPosition
{
    /// <summary>A named schema under components/schemas, or a nested one with no special role.</summary>
    Other,

    /// <summary>A property of an object schema (its parent's <c>required</c> says whether it is optional).</summary>
    Property,

    /// <summary>The schema of a media type (a request or response body).</summary>
    Body,
}

/// <summary>
/// Visits every Schema Object of an OpenAPI document (components, parameters, bodies, responses, headers and every
/// nested schema), children before their parent, and lets a rewrite replace each one. Only schema positions are
/// visited, so keywords such as <c>examples</c> or <c>nullable</c> are never rewritten where they mean something else
/// (a parameter's examples map, an extension's payload).
/// </summary>
internal static class SchemaWalker
{
    /// <summary>A rewrite of one schema: returns the node to keep (the same one, changed in place, or a new one).</summary>
    internal delegate JsonNode Rewrite(JsonObject schema, SchemaPosition position, JsonObject? parent, string pointer);

    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
    private static readonly string[] SingleSchemaKeys = ["items", "not", "additionalProperties", "contains", "propertyNames", "unevaluatedProperties", "unevaluatedItems", "if", "then", "else"];
    private static readonly string[] SchemaListKeys = ["allOf", "anyOf", "oneOf", "prefixItems"];
    private static readonly string[] SchemaMapKeys = ["patternProperties", "$defs", "definitions", "dependentSchemas"];

    /// <summary>Applies <paramref name="rewrite"/> to every schema of <paramref name="document"/>.</summary>
    internal static void Walk(JsonObject document, Rewrite rewrite)
    {
        if (document["components"] is JsonObject components)
        {
            ForEachMember(components["schemas"], (schemas, name) => VisitSlot(schemas, name, SchemaPosition.Other, null, $"/components/schemas/{name}", rewrite));
            ForEachMember(components["parameters"], (map, name) => VisitParameter(map[name], $"/components/parameters/{name}", rewrite));
            ForEachMember(components["headers"], (map, name) => VisitParameter(map[name], $"/components/headers/{name}", rewrite));
            ForEachMember(components["requestBodies"], (map, name) => VisitContent(map[name], $"/components/requestBodies/{name}", rewrite));
            ForEachMember(components["responses"], (map, name) => VisitResponse(map[name], $"/components/responses/{name}", rewrite));
        }

        ForEachMember(document["paths"], (paths, path) =>
        {
            if (paths[path] is not JsonObject item)
            {
                return;
            }

            var at = $"/paths/{Escape(path)}";
            VisitParameters(item["parameters"], at, rewrite);
            foreach (var method in Methods)
            {
                if (item[method] is JsonObject operation)
                {
                    VisitParameters(operation["parameters"], $"{at}/{method}", rewrite);
                    VisitContent(operation["requestBody"], $"{at}/{method}/requestBody", rewrite);
                    ForEachMember(operation["responses"], (responses, code) => VisitResponse(responses[code], $"{at}/{method}/responses/{code}", rewrite));
                }
            }
        });
    }

    /// <summary>JSON Pointer escaping of one reference token (RFC 6901).</summary>
    internal static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static void VisitParameters(JsonNode? parameters, string at, Rewrite rewrite)
    {
        if (parameters is JsonArray list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                VisitParameter(list[i], $"{at}/parameters/{i}", rewrite);
            }
        }
    }

    private static void VisitParameter(JsonNode? parameter, string at, Rewrite rewrite)
    {
        if (parameter is JsonObject p)
        {
            VisitSlot(p, "schema", SchemaPosition.Other, null, $"{at}/schema", rewrite);
            VisitContent(p, at, rewrite);
        }
    }

    private static void VisitResponse(JsonNode? response, string at, Rewrite rewrite)
    {
        if (response is JsonObject r)
        {
            VisitContent(r, at, rewrite);
            ForEachMember(r["headers"], (headers, name) => VisitParameter(headers[name], $"{at}/headers/{Escape(name)}", rewrite));
        }
    }

    private static void VisitContent(JsonNode? owner, string at, Rewrite rewrite) =>
        ForEachMember(owner?["content"], (content, mediaType) =>
        {
            if (content[mediaType] is JsonObject media)
            {
                VisitSlot(media, "schema", SchemaPosition.Body, null, $"{at}/content/{Escape(mediaType)}/schema", rewrite);
            }
        });

    private static void VisitSlot(JsonObject owner, string key, SchemaPosition position, JsonObject? parent, string pointer, Rewrite rewrite)
    {
        if (owner[key] is JsonObject schema)
        {
            var replaced = VisitSchema(schema, position, parent, pointer, rewrite);
            if (!ReferenceEquals(replaced, schema))
            {
                owner[key] = replaced;
            }
        }
    }

    private static JsonNode VisitSchema(JsonObject schema, SchemaPosition position, JsonObject? parent, string pointer, Rewrite rewrite)
    {
        ForEachMember(schema["properties"], (properties, name) => VisitSlot(properties, name, SchemaPosition.Property, schema, $"{pointer}/properties/{Escape(name)}", rewrite));
        foreach (var key in SingleSchemaKeys)
        {
            VisitSlot(schema, key, SchemaPosition.Other, schema, $"{pointer}/{key}", rewrite);
        }

        foreach (var key in SchemaListKeys)
        {
            if (schema[key] is JsonArray members)
            {
                for (var i = 0; i < members.Count; i++)
                {
                    if (members[i] is JsonObject member)
                    {
                        var replaced = VisitSchema(member, SchemaPosition.Other, schema, $"{pointer}/{key}/{i}", rewrite);
                        if (!ReferenceEquals(replaced, member))
                        {
                            members[i] = replaced;
                        }
                    }
                }
            }
        }

        foreach (var key in SchemaMapKeys)
        {
            ForEachMember(schema[key], (map, name) => VisitSlot(map, name, SchemaPosition.Other, schema, $"{pointer}/{key}/{Escape(name)}", rewrite));
        }

        return rewrite(schema, position, parent, pointer);
    }

    private static void ForEachMember(JsonNode? node, Action<JsonObject, string> visit)
    {
        if (node is JsonObject map)
        {
            // A copy of the keys: a visit may replace a member's value.
            foreach (var key in map.Select(member => member.Key).ToList())
            {
                visit(map, key);
            }
        }
    }
}
