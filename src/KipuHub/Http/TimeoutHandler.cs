using System.Collections.Concurrent;
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
/// The deadline is the attempt's start plus the timeout; the timer that enforces it is started only once the attempt
/// waits (an attempt answered synchronously, by an in-memory transport, never needs one).
/// </remarks>
internal sealed class TimeoutHandler : InspectingHandler
{
    // Enough for the attempts a busy process has in flight at once; beyond it, sources are simply disposed.
    private const int MaxPooledSources = 256;

    private readonly TimeProvider _time;

    // Cancellation sources of finished attempts, reset for the next one (system clock only, see RentSource).
    private readonly ConcurrentQueue<CancellationTokenSource> _pool = new();
    private int _pooled;

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
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A request's own HubRequestOptions.Timeout (checked when it was applied) replaces the client's.
        var limit = RequestProperties.GetOverrides(request)?.Timeout ?? Timeout;
        if (limit == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return base.SendAsync(request, cancellationToken);
        }

        // One source that the timer and the caller's token both cancel: the same effect as a linked source over a
        // second timed one, with one source fewer per attempt. Which of the two fired is told apart in AwaitAsync.
        var started = _time.GetTimestamp();
        var timeout = RentSource();
        var callerCancels = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), timeout);
        var send = StartInnerSend(request, timeout.Token);
        if (!send.IsCompletedSuccessfully)
        {
            // The timer is armed once the attempt is waiting, for what is left of the limit, so the deadline is the
            // same instant (start + Timeout) as if it had been armed before sending.
            Arm(timeout, started, limit);
            return AwaitAsync(request, send, timeout, limit, callerCancels, cancellationToken);
        }

        // Answered before the inner handler ever waited (an in-memory transport): there was nothing for a timer to
        // interrupt, so none was armed, and no async step is needed.
        callerCancels.Dispose();
        ReturnSource(timeout);
        return send;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            while (_pool.TryDequeue(out var source))
            {
                source.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private async Task<HttpResponseMessage> AwaitAsync(
        HttpRequestMessage request,
        Task<HttpResponseMessage> send,
        CancellationTokenSource timeout,
        TimeSpan limit,
        CancellationTokenRegistration callerCancels,
        CancellationToken cancellationToken)
    {
        try
        {
            return await send.ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw HubTimeoutException.ForAttempt(request, limit, ex);
        }
        finally
        {
            callerCancels.Dispose();
            ReturnSource(timeout);
        }
    }

    /// <summary>Returns a source for one attempt, not yet timed (see <see cref="Arm"/>).</summary>
    /// <remarks>
    /// On the system clock, sources of finished attempts are reused: <see cref="CancellationTokenSource.TryReset"/>
    /// stops the timer and drops every registration, and succeeds only if the source was never cancelled and its timer
    /// never fired, so a reused source behaves as a new one. That spares each attempt a source and a timer object. On
    /// any other clock (a <c>FakeTimeProvider</c> in tests) the source's timer belongs to that clock and
    /// <c>TryReset</c> refuses it, so each attempt gets a new source, as before.
    /// </remarks>
    private CancellationTokenSource RentSource()
    {
        if (_time != TimeProvider.System)
        {
            // Created with the clock's timer, stopped; CancelAfter starts it.
            return new CancellationTokenSource(System.Threading.Timeout.InfiniteTimeSpan, _time);
        }

        if (_pool.TryDequeue(out var source))
        {
            Interlocked.Decrement(ref _pooled);
            return source;
        }

        return new CancellationTokenSource();
    }

    /// <summary>Starts the source's timer for the rest of <paramref name="limit"/> counted from <paramref name="started"/>.</summary>
    private void Arm(CancellationTokenSource timeout, long started, TimeSpan limit)
    {
        var left = limit - _time.GetElapsedTime(started);
        timeout.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
    }

    private void ReturnSource(CancellationTokenSource source)
    {
        if (_time == TimeProvider.System && source.TryReset())
        {
            if (Interlocked.Increment(ref _pooled) <= MaxPooledSources)
            {
                _pool.Enqueue(source);
                return;
            }

            Interlocked.Decrement(ref _pooled);
        }

        source.Dispose();
    }
}
