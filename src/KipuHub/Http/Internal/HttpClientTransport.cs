namespace KipuHub.Http.Internal;

/// <summary>
/// Sends through a caller's <see cref="HttpClient"/> as the transport, under the SDK's own handlers (auth, retries,
/// logging), the way Azure's <c>HttpClientTransport</c> does. The caller keeps owning the client.
/// </summary>
/// <remarks>
/// <see cref="HttpClient"/> refuses a request message that was already sent, and the SDK's outer client has sent
/// it, so each attempt goes out as a copy sharing the original content.
/// </remarks>
internal sealed class HttpClientTransport : HttpMessageHandler
{
    private readonly HttpClient _client;

    /// <summary>Wraps <paramref name="client"/>, which stays owned by the caller.</summary>
    public HttpClientTransport(HttpClient client) => _client = client;

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _client.SendAsync(Copy(request), HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    private static HttpRequestMessage Copy(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Content = request.Content,
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }

        return copy;
    }
}
