using Newtonsoft.Json;
using KipuHub.Generated.Platform;
using KipuHub.Generated.Quantum;
using KipuHub.Generated.Service;

namespace KipuHub.Internal;

/// <summary>
/// The one place where the generated clients' exceptions become the SDK's: each generated namespace has its own
/// <c>{Api}ApiException</c> (<see cref="QuantumApiException"/>, ...), which never leaves the facade. Statuses map to <see cref="HubApiException"/> subclasses,
/// an unreadable success body to <see cref="HubResponseFormatException"/>, an <see cref="HttpClient.Timeout"/> to
/// <see cref="HubTimeoutException"/>. Caller cancellation and the SDK's own exceptions pass through untouched.
/// </summary>
/// <remarks>
/// The generated exception is deliberately not kept as <see cref="Exception.InnerException"/>: its message embeds
/// the raw body, unredacted. Its own cause (a JSON error) is kept.
/// </remarks>
internal sealed class HubErrorMapper
{
    private readonly HubApiKind _api;
    private readonly TokenRedactor _redactor;

    /// <summary>Creates a mapper for one API surface.</summary>
    public HubErrorMapper(HubApiKind api, TokenRedactor redactor)
    {
        _api = api;
        _redactor = redactor;
    }

    /// <summary>Awaits a generated-client call, translating its failures.</summary>
    /// <remarks>
    /// <para>
    /// The decorators pass the call's task rather than a lambda, which spares every call a closure and a delegate. That
    /// is safe because the generated methods are <c>async</c>: whatever they throw, argument checks included, arrives
    /// through the task, never synchronously.
    /// </para>
    /// <para>
    /// A call that has already succeeded (an in-memory transport, a cached answer) is handed back as it is: there is
    /// nothing to translate, and wrapping it would cost a second task and an async step on every call. Only a call
    /// still running, or one that failed, goes through the translating await.
    /// </para>
    /// </remarks>
    public Task<T> RunAsync<T>(Task<T> call, string operation, CancellationToken cancellationToken) =>
        call.IsCompletedSuccessfully ? call : AwaitAsync(call, operation, cancellationToken);

    /// <summary>Awaits a generated-client call without a result, translating its failures (see <see cref="RunAsync{T}(Task{T}, string, CancellationToken)"/>).</summary>
    public Task RunAsync(Task call, string operation, CancellationToken cancellationToken) =>
        call.IsCompletedSuccessfully ? call : AwaitAsync(call, operation, cancellationToken);

    /// <summary>Runs a call that may also throw before returning its task (e.g. <see cref="HttpClient.SendAsync(HttpRequestMessage)"/>), translating its failures.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> call, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (TryMap(ex, operation, cancellationToken, out var mapped))
        {
            throw mapped;
        }
    }

    private async Task<T> AwaitAsync<T>(Task<T> call, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (Exception ex) when (TryMap(ex, operation, cancellationToken, out var mapped))
        {
            throw mapped;
        }
    }

    private async Task AwaitAsync(Task call, string operation, CancellationToken cancellationToken)
    {
        try
        {
            await call.ConfigureAwait(false);
        }
        catch (Exception ex) when (TryMap(ex, operation, cancellationToken, out var mapped))
        {
            throw mapped;
        }
    }

    /// <summary>Translates <paramref name="exception"/> when it is one the facade must not leak.</summary>
    public bool TryMap(Exception exception, string operation, CancellationToken cancellationToken, out Exception mapped)
    {
        mapped = exception switch
        {
            QuantumApiException e => FromStatus(e.StatusCode, e.Headers, e.Response, e.InnerException, operation, e.Message),
            ServiceApiException e => FromStatus(e.StatusCode, e.Headers, e.Response, e.InnerException, operation, e.Message),
            PlatformApiException e => FromStatus(e.StatusCode, e.Headers, e.Response, e.InnerException, operation, e.Message),
            TaskCanceledException { InnerException: TimeoutException } e when !cancellationToken.IsCancellationRequested =>
                HttpClientTimeout(e, operation),
            HttpRequestException or IOException when !cancellationToken.IsCancellationRequested => Transport(exception, operation),
            _ => exception,
        };
        return !ReferenceEquals(mapped, exception);
    }

    /// <summary>Creates the exception for a response, whatever produced it (generated client or hand-written call).</summary>
    public HubApiException FromStatus(
        int status,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers,
        string? rawBody,
        Exception? cause,
        string operation,
        string? generatedMessage = null)
    {
        var safeHeaders = RedactHeaders(headers);
        var safeBody = _redactor.RedactOrNull(rawBody);
        if (status is >= 200 and < 300)
        {
            return UnreadableSuccess(status, safeHeaders, safeBody, cause, operation, generatedMessage);
        }

        var evidenceHeaders = safeHeaders ?? new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        var parsed = ErrorBody.TryParse(safeBody);
        var errorMessage = ErrorBody.ExtractMessage(parsed, safeBody, evidenceHeaders);
        var message = HubErrorMessages.ForStatus(_api, operation, status, errorMessage, ErrorBody.FindRequestId(evidenceHeaders), hubErrorBody: parsed is Newtonsoft.Json.Linq.JObject);
        var inner = cause is JsonException json ? Sanitized(json) : null;
        return status switch
        {
            400 => new BadRequestException(message, safeHeaders, safeBody, inner),
            401 => new UnauthorizedException(message, safeHeaders, safeBody, inner),
            403 => new ForbiddenException(message, safeHeaders, safeBody, inner),
            404 => new NotFoundException(message, safeHeaders, safeBody, inner),
            409 => new ConflictException(message, safeHeaders, safeBody, inner),
            422 => new UnprocessableEntityException(message, safeHeaders, safeBody, inner),
            500 => new InternalServerErrorException(message, safeHeaders, safeBody, inner),
            _ => new HubApiException(message, status, safeHeaders, safeBody, inner),
        };
    }

    /// <summary>Creates the exception for a success response whose body could not be used, saying what was wrong with it.</summary>
    public HubResponseFormatException Unreadable(
        int status,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers,
        string? rawBody,
        string problem,
        Exception? cause,
        string operation)
    {
        var safeHeaders = RedactHeaders(headers);
        var requestId = safeHeaders is null ? null : ErrorBody.FindRequestId(safeHeaders);
        var message = HubErrorMessages.ForUnreadableSuccess(_api, operation, status, problem, requestId);
        return new HubResponseFormatException(message, status, safeHeaders, _redactor.RedactOrNull(rawBody), cause);
    }

    private HubResponseFormatException UnreadableSuccess(
        int status,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers,
        string? body,
        Exception? cause,
        string operation,
        string? generatedMessage)
    {
        // NSwag says "Response was null which was not expected." for an empty or "null" body.
        var problem = cause switch
        {
            JsonException json => "the body is not valid JSON of the expected shape (" + Where(json) + ")",
            _ when generatedMessage?.StartsWith("Response was null", StringComparison.Ordinal) == true => "the body was empty or null where a value was expected",
            _ => $"{status} is not a status this operation defines",
        };
        return Unreadable(status, headers, body, problem, cause is JsonException json2 ? Sanitized(json2) : null, operation);
    }

    // Where the JSON broke, never what it said: Newtonsoft's messages quote values ("Could not convert string to
    // integer: <value>"), and a value can be a token the server echoed.
    private string Where(JsonException exception)
    {
        var (path, line, position) = exception switch
        {
            JsonReaderException r => (r.Path, r.LineNumber, r.LinePosition),
            JsonSerializationException s => (s.Path, s.LineNumber, s.LinePosition),
            _ => (null, 0, 0),
        };
        var kind = exception.Message.StartsWith("Additional text", StringComparison.Ordinal) ? "content after the JSON document" : "a value of the wrong type or syntax";
        var at = string.IsNullOrEmpty(path) ? string.Empty : $" at '{_redactor.Redact(path)}'";
        return line > 0 ? $"{kind}{at}, line {line}, position {position}" : kind + at;
    }

    // The cause without its message (which can quote the body), so InnerException.Message is as safe as Message.
    private JsonException Sanitized(JsonException exception) => exception switch
    {
        JsonReaderException r => new JsonReaderException("The body is not valid JSON of the expected shape (" + Where(exception) + ").", string.Empty, r.LineNumber, r.LinePosition, null),
        JsonSerializationException s => new JsonSerializationException("The body is not valid JSON of the expected shape (" + Where(exception) + ").", string.Empty, s.LineNumber, s.LinePosition, null),
        _ => new JsonSerializationException("The body is not valid JSON of the expected shape."),
    };

    /// <summary>Creates the exception for a connection that failed or a body that could not be read off the wire.</summary>
    public HubTransportException Transport(Exception exception, string operation)
    {
        // Only a connection that was never established proves the request did not reach the Hub.
        var neverSent = exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError };
        var what = exception switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "the Hub's host name could not be resolved: check the base URL and DNS",
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "no connection could be made: check the base URL, the network and any proxy",
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => "the TLS handshake failed: check the base URL's scheme and the certificates",
            { InnerException: IOException { InnerException: System.IO.InvalidDataException } } or IOException { InnerException: System.IO.InvalidDataException } =>
                "the response body is not in the Content-Encoding it declares; try again, or report the request id",
            _ when OperationKinds.IsJobSubmission(operation) && !neverSent => "the connection broke, or the response was cut short or malformed on the wire",
            _ => "the connection broke, or the response was cut short or malformed on the wire; try again" + (neverSent ? "." : " (for a job submission, look for the job before submitting it again)"),
        };
        var advice = OperationKinds.IsJobSubmission(operation) && !neverSent ? " " + OperationKinds.AmbiguousJobSubmission : string.Empty;
        return new HubTransportException($"{HubErrorMessages.Describe(_api)} call {operation} failed: {what}. ({exception.GetType().Name}){advice}", !neverSent, exception)
        {
            Operation = operation,
        };
    }

    private HubTimeoutException HttpClientTimeout(TaskCanceledException exception, string operation) =>
        new(
            $"{HubErrorMessages.Describe(_api)} call {operation} got no response within the HttpClient's Timeout. " +
            "The Hub may be slow or unreachable: raise the Timeout of the HttpClient you passed in, or check the network and the base URL." +
            (OperationKinds.IsJobSubmission(operation) ? " " + OperationKinds.AmbiguousJobSubmission : string.Empty),
            timeout: null,
            lastStatus: null,
            innerException: exception)
        {
            Operation = operation,
        };

    private Dictionary<string, IEnumerable<string>>? RedactHeaders(IReadOnlyDictionary<string, IEnumerable<string>>? headers) =>
        headers?.ToDictionary(
            h => h.Key,
            h => (IEnumerable<string>)h.Value.Select(_redactor.Redact).ToArray(),
            StringComparer.OrdinalIgnoreCase);
}
