namespace KipuHub;

/// <summary>
/// The Hub answered with a success status, but the body was not what the API promises (malformed or truncated JSON,
/// an empty body, an unexpected success status).
/// </summary>
/// <remarks>
/// This is a server or proxy problem, not a problem with the request: a common cause is a proxy or gateway that
/// returns an HTML page with status 200. Check that the base URL points at the Hub API, and quote
/// <see cref="HubApiException.RequestId"/> when reporting it.
/// </remarks>
public class HubResponseFormatException : HubApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="statusCode">The HTTP status code of the response (a 2xx code).</param>
    /// <param name="headers">The response headers, or <see langword="null"/> for none.</param>
    /// <param name="rawBody">The response body as text, when it was read as text.</param>
    /// <param name="innerException">The JSON error, or <see langword="null"/>.</param>
    public HubResponseFormatException(
        string message,
        int statusCode,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers = null,
        string? rawBody = null,
        Exception? innerException = null)
        : base(message, statusCode, headers, rawBody, innerException)
    {
    }
}
