namespace KipuHub.Http.Internal;

/// <summary>
/// Looks at the response a call finally gets: records its <c>Retry-After</c> into the open <see cref="RetryAfterCapture"/>
/// (so waits honour a server that asks to be polled less often even on 200 answers), and guards its body
/// (<see cref="GuardedResponseContent"/>: every read ends within the read timeout or at the caller's cancellation).
/// </summary>
/// <remarks>Per call, outside the retries: the body is read once, after the last attempt.</remarks>
internal sealed class ResponseHintsHandler : DelegatingHandler
{
    private readonly TimeSpan _readTimeout;
    private readonly TimeProvider _time;

    /// <summary>Creates the handler.</summary>
    /// <param name="readTimeout">How long one read of a response body may wait for data (the client's per-attempt timeout); infinite for no limit.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    public ResponseHintsHandler(TimeSpan readTimeout, TimeProvider? timeProvider = null)
    {
        _readTimeout = readTimeout;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var capture = RetryAfterCapture.Current;

        // A request's own HubRequestOptions.Timeout bounds its body reads too, as the client's does.
        var readTimeout = RequestProperties.GetOverrides(request)?.Timeout ?? _readTimeout;
        var sent = base.SendAsync(request, cancellationToken);
        if (capture is null && sent.IsCompletedSuccessfully)
        {
            // An in-memory transport answered at once: nothing to wait for, so no async step.
            GuardedResponseContent.Guard(sent.Result, request, readTimeout, _time);
            return sent;
        }

        return RecordAsync(capture, request, sent, readTimeout);
    }

    private async Task<HttpResponseMessage> RecordAsync(RetryAfterCapture? capture, HttpRequestMessage request, Task<HttpResponseMessage> sent, TimeSpan readTimeout)
    {
        var response = await sent.ConfigureAwait(false);
        GuardedResponseContent.Guard(response, request, readTimeout, _time);
        if (capture is null)
        {
            return response;
        }

        capture.RetryAfter = KipuHub.Internal.RetryAfterHeader.Parse(response, _time.GetUtcNow());
        return response;
    }
}
