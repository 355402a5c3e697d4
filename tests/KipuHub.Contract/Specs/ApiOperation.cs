using Json.Schema;

namespace KipuHub.Contract.Specs;

/// <summary>One operation of a spec: where it lives, what body it takes and what it may answer.</summary>
internal sealed class ApiOperation
{
    internal ApiOperation(string api, string operationId, string method, string pathTemplate, MediaTypes? requestBody, bool requestBodyRequired, IReadOnlyDictionary<string, MediaTypes> responses)
    {
        Api = api;
        OperationId = operationId;
        Method = method;
        PathTemplate = pathTemplate;
        Segments = PathTemplates.Split(pathTemplate);
        RequestBody = requestBody;
        RequestBodyRequired = requestBodyRequired;
        Responses = responses;
    }

    /// <summary>The spec: <c>quantum</c>, <c>platform</c> or <c>service</c>.</summary>
    public string Api { get; }

    /// <summary>The spec's operationId.</summary>
    public string OperationId { get; }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The path template below the API's base path, e.g. <c>/jobs/{id}</c>.</summary>
    public string PathTemplate { get; }

    /// <summary>The template's segments.</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>The request body's media types, or null when the operation takes no body.</summary>
    public MediaTypes? RequestBody { get; }

    /// <summary>True when the body is required.</summary>
    public bool RequestBodyRequired { get; }

    /// <summary>The declared responses by status key (<c>200</c>, <c>4XX</c>, <c>default</c>).</summary>
    public IReadOnlyDictionary<string, MediaTypes> Responses { get; }

    /// <summary>A stable key for reports: <c>quantum getJob</c>.</summary>
    public string Key => $"{Api} {OperationId}";

    /// <summary>The declared response for a status: the exact code, else its range (<c>4XX</c>), else <c>default</c>.</summary>
    /// <param name="status">The HTTP status sent.</param>
    /// <returns>The response's media types, or null when the status is not declared.</returns>
    public MediaTypes? ResponseFor(int status)
    {
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Responses.TryGetValue(code, out var exact) ? exact
            : Responses.TryGetValue($"{code[0]}XX", out var range) ? range
            : Responses.TryGetValue("default", out var fallback) ? fallback
            : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Key} ({Method} {PathTemplate})";
}

/// <summary>The <c>content</c> of a request body or response: media type → schema (null when the media type has none).</summary>
internal sealed class MediaTypes
{
    private readonly IReadOnlyDictionary<string, Lazy<JsonSchema>?> _content;

    internal MediaTypes(IReadOnlyDictionary<string, Lazy<JsonSchema>?> content) => _content = content;

    /// <summary>True when no content is declared (a response without a body, e.g. 204 or an error described only in words).</summary>
    public bool IsEmpty => _content.Count == 0;

    /// <summary>The declared media types.</summary>
    public IEnumerable<string> Names => _content.Keys;

    /// <summary>
    /// Finds the declared media type a sent one falls under: exact first, then <c>type/*</c>, then <c>*/*</c>
    /// (OpenAPI 3.0.3 4.7.10.1: "the most specific key is applicable").
    /// </summary>
    /// <param name="mediaType">The sent media type without parameters, lower case.</param>
    /// <param name="declared">The matching key.</param>
    /// <param name="schema">Its schema, or null if it declares none.</param>
    /// <returns>True if one matches.</returns>
    public bool TryMatch(string mediaType, out string declared, out JsonSchema? schema)
    {
        var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
        foreach (var candidate in new[] { mediaType, slash > 0 ? mediaType[..slash] + "/*" : mediaType, "*/*" })
        {
            var key = _content.Keys.FirstOrDefault(k => string.Equals(k, candidate, StringComparison.OrdinalIgnoreCase));
            if (key is not null)
            {
                declared = key;
                schema = _content[key]?.Value;
                return true;
            }
        }

        declared = string.Empty;
        schema = null;
        return false;
    }
}
