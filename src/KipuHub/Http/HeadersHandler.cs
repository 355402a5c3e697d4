namespace KipuHub.Http;

/// <summary>Adds fixed headers (the clients' <c>Headers</c> option) to every request that does not already carry them.</summary>
/// <remarks>A header set on the request itself wins, so one call can override a client-wide value.</remarks>
internal sealed class HeadersHandler : DelegatingHandler
{
    private readonly KeyValuePair<string, string>[] _headers;

    /// <summary>Creates the handler.</summary>
    /// <param name="headers">The headers to add.</param>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is null.</exception>
    /// <exception cref="ArgumentException">A header name is empty.</exception>
    public HeadersHandler(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _headers = headers.ToArray();
        if (_headers.Any(h => string.IsNullOrWhiteSpace(h.Key)))
        {
            throw new ArgumentException("Header names must not be empty.", nameof(headers));
        }
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in _headers)
        {
            // NonValidated: Contains() on the typed view throws for a content header name.
            if (request.Headers.NonValidated.Contains(name) || request.Content?.Headers.NonValidated.Contains(name) == true)
            {
                continue;
            }

            // Content headers (Content-Language, ...) cannot go in request.Headers; put them on the content.
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return base.SendAsync(request, cancellationToken);
    }
}
