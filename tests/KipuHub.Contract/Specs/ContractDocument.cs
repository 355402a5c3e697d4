using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using KipuHub.Contract.Schemas;

namespace KipuHub.Contract.Specs;

/// <summary>One spec, converted to JSON Schema 2020-12 and indexed by operation, mounted at a base path.</summary>
internal sealed class ContractDocument
{
    private const string OperationSchemas = "x-contract-schemas";
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private ContractDocument(string api, string basePath, IReadOnlyList<ApiOperation> operations)
    {
        Api = api;
        BaseSegments = PathTemplates.Split(basePath);
        Operations = operations;
    }

    /// <summary>The spec's name: <c>quantum</c>, <c>platform</c> or <c>service</c>.</summary>
    public string Api { get; }

    /// <summary>The base path's segments (variables allowed, e.g. the gateway's <c>{context}</c>).</summary>
    public IReadOnlyList<string> BaseSegments { get; }

    /// <summary>Every operation of the spec.</summary>
    public IReadOnlyList<ApiOperation> Operations { get; }

    /// <summary>Reads an OpenAPI 3.0 document, converts its schemas and builds one lazily compiled schema per body.</summary>
    /// <param name="api">The spec's name, used in reports and as the document's URI.</param>
    /// <param name="basePath">Where the API is mounted, e.g. <c>/quantum</c>.</param>
    /// <param name="openApiJson">The document's text.</param>
    /// <returns>The indexed document.</returns>
    public static ContractDocument Load(string api, string basePath, string openApiJson)
    {
        var document = JsonNode.Parse(openApiJson)?.AsObject() ?? throw new InvalidDataException($"specs/{api}.json is empty.");
        OpenApi30SchemaConverter.ConvertDocument(document);

        // Each body schema is copied to a slot with a plain pointer; a wrapper schema references it, so every $ref in it
        // ("#/components/schemas/...") resolves against the registered document.
        var slots = new JsonArray();
        document[OperationSchemas] = slots;
        var uri = new Uri($"https://contract.kipuhub.invalid/{api}.json");
        var registry = new SchemaRegistry();
        var build = new BuildOptions { SchemaRegistry = registry };
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject().Where(entry => Methods.Contains(entry.Key)))
            {
                operations.Add(ReadOperation(api, method, path, node!.AsObject(), slots, slot => new Lazy<JsonSchema>(
                    () => JsonSchema.FromText($$"""{"$ref": "{{uri}}#/{{OperationSchemas}}/{{slot}}"}""", build),
                    LazyThreadSafetyMode.ExecutionAndPublication)));
            }
        }

        registry.Register(uri, new JsonElementBaseDocument(JsonDocument.Parse(document.ToJsonString()).RootElement.Clone(), uri));
        return new ContractDocument(api, basePath, operations);
    }

    /// <summary>The operation a request path and method go to, if the path is under this API at all.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathSegments">The request path's segments.</param>
    /// <param name="operation">The operation, when the method matches too.</param>
    /// <returns>True when the path is under this API's base path (even if no operation matches).</returns>
    public bool TryFind(string method, IReadOnlyList<string> pathSegments, out ApiOperation? operation)
    {
        operation = null;
        if (pathSegments.Count < BaseSegments.Count || PathTemplates.Score(BaseSegments, pathSegments.Take(BaseSegments.Count).ToList()) < 0)
        {
            return false;
        }

        var below = pathSegments.Skip(BaseSegments.Count).ToList();
        operation = Operations
            .Where(op => string.Equals(op.Method, method, StringComparison.OrdinalIgnoreCase))
            .Select(op => (op, score: PathTemplates.Score(op.Segments, below)))
            .Where(match => match.score >= 0)
            .OrderByDescending(match => match.score)
            .Select(match => match.op)
            .FirstOrDefault();
        return true;
    }

    private static ApiOperation ReadOperation(string api, string method, string path, JsonObject operation, JsonArray slots, Func<int, Lazy<JsonSchema>> compile)
    {
        MediaTypes Content(JsonNode? owner)
        {
            var content = new Dictionary<string, Lazy<JsonSchema>?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (mediaType, media) in owner?["content"]?.AsObject() ?? [])
            {
                Lazy<JsonSchema>? schema = null;
                if (media?["schema"] is { } node)
                {
                    slots.Add(node.DeepClone());
                    schema = compile(slots.Count - 1);
                }

                content[mediaType] = schema;
            }

            return new MediaTypes(content);
        }

        var requestBody = operation["requestBody"];
        var responses = (operation["responses"]?.AsObject() ?? []).ToDictionary(r => r.Key, r => Content(r.Value), StringComparer.OrdinalIgnoreCase);
        return new ApiOperation(
            api,
            operation["operationId"]?.GetValue<string>() ?? $"{method.ToUpperInvariant()} {path}",
            method.ToUpperInvariant(),
            path,
            requestBody is null ? null : Content(requestBody),
            requestBody?["required"]?.GetValue<bool>() ?? false,
            responses);
    }
}
