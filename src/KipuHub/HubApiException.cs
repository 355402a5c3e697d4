using KipuHub.Internal;
using Newtonsoft.Json.Linq;

namespace KipuHub;

/// <summary>
/// A Hub API answered with an error status (or with a success status and a body the SDK could not read).
/// </summary>
/// <remarks>
/// <para>
/// Catch a subclass to handle one status (<see cref="NotFoundException"/> for 404, <see cref="UnauthorizedException"/>
/// for 401, ...) or this class for all of them. Statuses without a subclass (429, 502, 503, ...) are thrown as
/// <see cref="HubApiException"/> itself.
/// </para>
/// <para>
/// The evidence is kept: <see cref="StatusCode"/>, <see cref="Headers"/>, <see cref="RawBody"/>, the parsed
/// <see cref="Body"/> when it is JSON, <see cref="ErrorMessage"/> and <see cref="RequestId"/>. When the facade
/// clients create this exception, any token they sent is replaced by <c>***</c> in all of them.
/// </para>
/// </remarks>
public class HubApiException : HubException
{
    private static readonly IReadOnlyDictionary<string, IEnumerable<string>> NoHeaders =
        new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="statusCode">The HTTP status code of the response.</param>
    /// <param name="headers">The response headers, or <see langword="null"/> for none.</param>
    /// <param name="rawBody">The response body as text, or <see langword="null"/> when there was none.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    public HubApiException(
        string message,
        int statusCode,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers = null,
        string? rawBody = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Headers = headers is null ? NoHeaders : new Dictionary<string, IEnumerable<string>>(headers, StringComparer.OrdinalIgnoreCase);
        RawBody = rawBody;
        Body = ErrorBody.TryParse(rawBody);
        ErrorMessage = ErrorBody.ExtractMessage(Body, rawBody, Headers);
        RequestId = ErrorBody.FindRequestId(Headers);
        RetryAfter = RetryAfterHeader.Parse(Headers, TimeProvider.System.GetUtcNow());
    }

    /// <summary>Gets the HTTP status code of the response.</summary>
    public int StatusCode { get; }

    /// <summary>
    /// Whether the Hub refused the request itself (a 4xx other than 408 and 429): sending it again unchanged gets the
    /// same answer. Anything else (408, 429, 5xx) says nothing about the request.
    /// </summary>
    internal bool IsRefusal => StatusCode is >= 400 and < 500 and not 408 and not 429;

    /// <summary>Gets the response headers (names compare case-insensitively).</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>Gets the response body as text, or <see langword="null"/> when there was none.</summary>
    /// <remarks>Empty when the body was a success response the SDK could not deserialize (it was read as a stream).</remarks>
    public string? RawBody { get; }

    /// <summary>Gets the response body parsed as JSON, or <see langword="null"/> when it is not JSON.</summary>
    public JToken? Body { get; }

    /// <summary>Gets the server's own error text (<c>message</c>, <c>error</c> or <c>detail</c> of a JSON body, or a short plain-text body).</summary>
    public string? ErrorMessage { get; }

    /// <summary>Gets the request id the server reported (<c>X-Request-Id</c>, <c>X-Correlation-Id</c> or <c>Request-Id</c>), to quote in a support request.</summary>
    public string? RequestId { get; }

    /// <summary>Gets how long the server asked the caller to wait (<c>Retry-After</c>), or <see langword="null"/>.</summary>
    public TimeSpan? RetryAfter { get; }
}
