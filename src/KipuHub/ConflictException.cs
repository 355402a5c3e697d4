namespace KipuHub;

/// <summary>The request conflicts with the current state of the resource (HTTP 409).</summary>
/// <param name="message">What happened and what to do.</param>
/// <param name="headers">The response headers, or <see langword="null"/> for none.</param>
/// <param name="rawBody">The response body as text, or <see langword="null"/> when there was none.</param>
/// <param name="innerException">The cause, or <see langword="null"/>.</param>
public class ConflictException(string message, IReadOnlyDictionary<string, IEnumerable<string>>? headers = null, string? rawBody = null, Exception? innerException = null)
    : HubApiException(message, 409, headers, rawBody, innerException);
