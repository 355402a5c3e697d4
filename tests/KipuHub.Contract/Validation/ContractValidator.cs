using System.Reflection;
using System.Text.Json;
using Json.Schema;
using KipuHub.Contract.Specs;

namespace KipuHub.Contract.Validation;

/// <summary>
/// Validates HTTP exchanges against the three specs with a JSON Schema validator (JsonSchema.Net, 2020-12) over the
/// specs' schemas converted from OpenAPI 3.0.3: the operation is found by method, base path and path template; the
/// request body is checked against the requestBody schema of its media type, the status against the declared
/// responses, the response's media type against the declared content and its body against that schema.
/// </summary>
public sealed class ContractValidator
{
    /// <summary>How many schema errors one body reports at most (a wrong variant can fail every branch of a union).</summary>
    private const int MaxErrorsPerBody = 8;

    private static readonly Lazy<ContractValidator> SpecsValidator = new(LoadSpecs, LazyThreadSafetyMode.ExecutionAndPublication);

    // A valid body (nearly all of them) needs only the yes/no answer; the list of errors is computed for a failing one.
    private static readonly EvaluationOptions Verdict = new()
    {
        OutputFormat = OutputFormat.Flag,
        RequireFormatValidation = true, // OpenAPI's date-time is RFC 3339: a format is an assertion here, not a hint
    };

    private static readonly EvaluationOptions Explanation = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
    };

    /// <summary>
    /// Statuses an operation need not declare (OpenAPI 3.0.3 4.7.16: documentation is "not expected ... to cover all
    /// possible HTTP response codes because they may not be known in advance"): a body too large for the gateway, a rate
    /// limit, a gateway failure; and 501, the emulator's answer for a Platform operation it does not implement.
    /// </summary>
    private static readonly int[] UndeclaredInfrastructureStatuses = [413, 429, 501, 502, 503, 504];

    private readonly IReadOnlyList<ContractDocument> _documents;

    private ContractValidator(IReadOnlyList<ContractDocument> documents) => _documents = documents;

    /// <summary>The validator for <c>specs/quantum.json</c> (at <c>/quantum</c>), <c>specs/platform.json</c> (at
    /// <c>/qc-catalog</c>) and <c>specs/service.json</c> (at the gateway's <c>/gateway/{context}/{service}/{version}</c>),
    /// where the emulator serves them; the specs are the ones this assembly was built with.</summary>
    public static ContractValidator Specs => SpecsValidator.Value;

    /// <summary>Every operation of every spec, as <c>api operationId</c>.</summary>
    public IEnumerable<string> OperationKeys => _documents.SelectMany(d => d.Operations).Select(op => op.Key);

    /// <summary>A validator over other documents (for tests of the validator itself).</summary>
    /// <param name="documents">Each spec's name, base path and OpenAPI 3.0 text.</param>
    /// <returns>The validator.</returns>
    public static ContractValidator FromDocuments(IEnumerable<(string Api, string BasePath, string OpenApiJson)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return new ContractValidator(documents.Select(d => ContractDocument.Load(d.Api, d.BasePath, d.OpenApiJson)).ToList());
    }

    /// <summary>The operation a method and path (or route pattern, whose variables match any template variable) go to.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path from the root, e.g. <c>/quantum/jobs/j-1</c>.</param>
    /// <returns>The operation's key, or null.</returns>
    public string? FindOperation(string method, string path) => Find(method, path)?.Key;

    /// <summary>
    /// Validates one exchange. It is not judged (<see cref="ExchangeVerdict.NotJudged"/>) when it got an undeclared
    /// infrastructure status (413, 429, 501, 502, 503, 504): the request never reached the operation's logic.
    /// </summary>
    /// <param name="exchange">The request and response.</param>
    /// <returns>The verdict.</returns>
    public ExchangeVerdict Validate(HttpExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var request = $"{exchange.Method} {exchange.Path}";
        var operation = Find(exchange.Method, exchange.Path);
        if (operation is null)
        {
            // A path no spec has is a test probing the emulator's 404/405; answering it with success would be an undocumented endpoint.
            var violations = exchange.Status is >= 200 and < 300
                ? [new ContractViolation(request, request, exchange.Status, "status", string.Empty, "no operation of any spec has this method and path, yet it succeeded")]
                : Array.Empty<ContractViolation>();
            return new ExchangeVerdict(null, violations, [], 0);
        }

        if (UndeclaredInfrastructureStatuses.Contains(exchange.Status) && operation.ResponseFor(exchange.Status) is null)
        {
            return new ExchangeVerdict(operation.Key, [], [], 0, $"undeclared status {exchange.Status}");
        }

        var found = new List<ContractViolation>();
        var requestFound = new List<ContractViolation>();
        var bodies = 0;
        void Add(List<ContractViolation> list, string part, string pointer, string message) =>
            list.Add(new ContractViolation(operation.Key, request, exchange.Status, part, pointer, message));

        bodies += CheckRequest(operation, exchange, (pointer, message) => Add(requestFound, "request", pointer, message));
        bodies += CheckResponse(operation, exchange, (part, pointer, message) => Add(found, part, pointer, message));
        var rejected = exchange.Status >= 400;
        if (!rejected)
        {
            found.AddRange(requestFound);
        }

        return new ExchangeVerdict(operation.Key, found, rejected ? requestFound : [], bodies);
    }

    private static ContractValidator LoadSpecs()
    {
        var assembly = typeof(ContractValidator).Assembly;
        string Read(string api)
        {
            using var stream = assembly.GetManifestResourceStream($"KipuHub.Contract.{api}.json")
                ?? throw new InvalidOperationException($"specs/{api}.json is not embedded in {assembly.GetName().Name}.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        return FromDocuments([
            ("quantum", "/quantum", Read("quantum")),
            ("platform", "/qc-catalog", Read("platform")),
            ("service", "/gateway/{context}/{service}/{version}", Read("service")),
        ]);
    }

    private ApiOperation? Find(string method, string path)
    {
        var segments = PathTemplates.Split(path);
        foreach (var document in _documents)
        {
            if (document.TryFind(method, segments, out var operation) && operation is not null)
            {
                return operation;
            }
        }

        return null;
    }

    private static int CheckRequest(ApiOperation operation, HttpExchange exchange, Action<string, string> fail)
    {
        var body = exchange.RequestBody;
        if (body is { Length: 0 })
        {
            if (operation.RequestBodyRequired)
            {
                fail(string.Empty, $"the request body is required but none was sent (Content-Type '{exchange.RequestContentType}')");
            }

            return 0;
        }

        if (operation.RequestBody is null)
        {
            fail(string.Empty, "a body was sent to an operation that declares no requestBody");
            return 0;
        }

        var mediaType = MediaTypeOf(exchange.RequestContentType);
        if (!operation.RequestBody.TryMatch(mediaType, out _, out var schema))
        {
            fail(string.Empty, $"Content-Type '{exchange.RequestContentType}' is not one the requestBody declares ({string.Join(", ", operation.RequestBody.Names)})");
            return 0;
        }

        // Not recorded (a file or multipart upload, or JSON over the capture limit): its media type was all there was to judge.
        return body is { } bytes ? ValidateBody(schema, mediaType, bytes, fail) : 0;
    }

    private static int CheckResponse(ApiOperation operation, HttpExchange exchange, Action<string, string, string> fail)
    {
        var declared = operation.ResponseFor(exchange.Status);
        if (declared is null)
        {
            fail("status", string.Empty, $"status {exchange.Status} is not declared (declared: {string.Join(", ", operation.Responses.Keys)})");
            return 0;
        }

        if (declared.IsEmpty)
        {
            return 0; // no content declared: an error described in words, or a 204
        }

        var mediaType = MediaTypeOf(exchange.ResponseContentType);
        if (exchange.ResponseBody is { Length: 0 } && mediaType.Length == 0)
        {
            // No body at all: fine for a binary download of nothing, not for a declared JSON document.
            if (declared.Names.Any(name => IsJson(name.ToLowerInvariant())))
            {
                fail("response", string.Empty, $"the response declares content ({string.Join(", ", declared.Names)}) but has no body");
            }

            return 0;
        }

        if (!declared.TryMatch(mediaType, out _, out var schema))
        {
            fail("response", string.Empty, $"Content-Type '{exchange.ResponseContentType}' is not declared for {exchange.Status} (declared: {string.Join(", ", declared.Names)})");
            return 0;
        }

        return exchange.ResponseBody is { } body ? ValidateBody(schema, mediaType, body, (pointer, message) => fail("response", pointer, message)) : 0;
    }

    // Only JSON bodies have a schema worth evaluating; a binary, text or multipart body is judged by its media type.
    private static int ValidateBody(JsonSchema? schema, string mediaType, ReadOnlyMemory<byte> body, Action<string, string> fail)
    {
        if (schema is null || !IsJson(mediaType))
        {
            return 0;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            fail(string.Empty, $"the body is not JSON: {e.Message}");
            return 1;
        }

        using (document)
        {
            if (!schema.Evaluate(document.RootElement, Verdict).IsValid)
            {
                foreach (var (pointer, message) in Errors(schema.Evaluate(document.RootElement, Explanation)).Take(MaxErrorsPerBody))
                {
                    fail(pointer, message);
                }
            }
        }

        return 1;
    }

    private static IEnumerable<(string Pointer, string Message)> Errors(EvaluationResults result)
    {
        var details = result.Details is { Count: > 0 } list ? list : [result];
        // An "if" that fails only selects the else-branch (the discriminator dispatch): it is not an error of the instance.
        foreach (var detail in details.Where(d => !d.EvaluationPath.ToString().Split('/').Contains("if")))
        {
            foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
            {
                yield return (detail.InstanceLocation.ToString(), $"{keyword}: {message} (schema {detail.EvaluationPath})");
            }
        }
    }

    private static string MediaTypeOf(string? contentType)
    {
        var value = contentType ?? string.Empty;
        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? value[..semicolon] : value).Trim().ToLowerInvariant();
    }

    private static bool IsJson(string mediaType) =>
        mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal);
}
