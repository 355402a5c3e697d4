using KipuHub.Http.Internal;

namespace KipuHub.Http;

/// <summary>
/// Limits each attempt to a timeout (the clients' <c>Timeout</c> option) and reports it as
/// <see cref="HubTimeoutException"/>, never as the ambiguous <see cref="TaskCanceledException"/>.
/// </summary>
/// <remarks>
/// The limit covers sending the request and receiving the response headers; a body streamed afterwards is not cut
/// off. Cancellation by the caller still surfaces as <see cref="OperationCanceledException"/>. Placed inside
/// <see cref="RetryHandler"/>, a timed-out idempotent attempt is retried.
/// </remarks>
internal sealed class TimeoutHandler : DelegatingHandler
{
    private readonly TimeProvider _time;

    /// <summary>Creates the handler.</summary>
    /// <param name="timeout">The limit per attempt; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is zero or negative (other than infinite).</exception>
    public TimeoutHandler(TimeSpan timeout, TimeProvider? timeProvider = null)
    {
        if (timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        }

        Timeout = timeout;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets the limit per attempt.</summary>
    public TimeSpan Timeout { get; }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // One source that the timer and the caller's token both cancel: the same effect as a linked source over a
        // second timed one, with one source fewer per attempt. Which of the two fired is told apart below.
        using var timeout = new CancellationTokenSource(Timeout, _time);
        using var callerCancels = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), timeout);
        try
        {
            return await base.SendAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(request, ex);
        }
    }

    private HubTimeoutException TimedOut(HttpRequestMessage request, Exception cause) =>
        HubTimeoutException.ForAttempt(request, Timeout, cause);
}
