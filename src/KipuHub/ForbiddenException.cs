namespace KipuHub;

/// <summary>The token is valid but not allowed to do this (HTTP 403).</summary>
/// <param name="message">What happened and what to do.</param>
/// <param name="headers">The response headers, or <see langword="null"/> for none.</param>
/// <param name="rawBody">The response body as text, or <see langword="null"/> when there was none.</param>
/// <param name="innerException">The cause, or <see langword="null"/>.</param>
public class ForbiddenException(string message, IReadOnlyDictionary<string, IEnumerable<string>>? headers = null, string? rawBody = null, Exception? innerException = null)
    : HubApiException(message, 403, headers, rawBody, innerException);
