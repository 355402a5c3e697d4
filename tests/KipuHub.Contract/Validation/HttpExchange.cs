namespace KipuHub.Contract.Validation;

/// <summary>A request and its response as they crossed the wire; a body is null when it was not recorded (not JSON, or larger than the capture limit).</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The request path (no query).</param>
/// <param name="RequestContentType">The request's Content-Type header, or null.</param>
/// <param name="RequestBody">The request body (empty when none was sent), or null if it was not recorded.</param>
/// <param name="Status">The response status.</param>
/// <param name="ResponseContentType">The response's Content-Type header, or null.</param>
/// <param name="ResponseBody">The response body, or null if it was not recorded.</param>
public sealed record HttpExchange(
    string Method,
    string Path,
    string? RequestContentType,
    ReadOnlyMemory<byte>? RequestBody,
    int Status,
    string? ResponseContentType,
    ReadOnlyMemory<byte>? ResponseBody);
