namespace KipuHub.Http.Internal;

/// <summary>
/// Records a response's <c>Retry-After</c> into the open <see cref="RetryAfterCapture"/>, so waits honour a server that
/// asks to be polled less often even on 200 answers. Without an open capture it adds nothing to the call.
/// </summary>
internal sealed class ResponseHintsHandler : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var capture = RetryAfterCapture.Current;
        return capture is null ? base.SendAsync(request, cancellationToken) : RecordAsync(capture, request, cancellationToken);
    }

    private async Task<HttpResponseMessage> RecordAsync(RetryAfterCapture capture, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        capture.RetryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => null,
        };
        return response;
    }
}
