using System.Runtime.CompilerServices;
using KipuHub.Diagnostics;
using KipuHub.Http.Internal;

namespace KipuHub.Waiting;

/// <summary>
/// The one polling loop behind every wait in the SDK (jobs, sessions, service executions): poll, report changes,
/// pause per <see cref="PollingSchedule"/>, stop at a terminal status, the overall timeout, or cancellation.
/// Time comes from a <see cref="TimeProvider"/>, so tests and benchmarks run it on a fake clock.
/// </summary>
/// <typeparam name="TStatus">The status type.</typeparam>
internal sealed class StatusPoller<TStatus>
    where TStatus : struct
{
    private const int MaxConsecutiveTransientFailures = 5;

    private readonly Func<CancellationToken, Task<StatusSnapshot<TStatus>>> _poll;
    private readonly Func<TStatus, bool> _isTerminal;
    private readonly WaitOptions _options;
    private readonly PollingSchedule _schedule;
    private readonly TimeProvider _time;
    private readonly string _subject;
    private readonly WaitSubject? _kind;
    private readonly string? _id;

    /// <param name="subject">What is awaited, for messages, e.g. "job 'j-1'".</param>
    /// <param name="poll">Fetches the current status.</param>
    /// <param name="isTerminal">True for statuses after which nothing changes.</param>
    /// <param name="options">The policy.</param>
    /// <param name="time">The clock.</param>
    /// <param name="random">Jitter source; null for <see cref="Random.Shared"/>.</param>
    public StatusPoller(string subject, Func<CancellationToken, Task<StatusSnapshot<TStatus>>> poll, Func<TStatus, bool> isTerminal,
        WaitOptions? options, TimeProvider time, Func<double>? random = null)
    {
        _subject = subject;
        _poll = poll;
        _isTerminal = isTerminal;
        _options = options ?? WaitOptions.Default;
        _schedule = new PollingSchedule(_options, random);
        _time = time;
    }

    /// <summary>
    /// Creates the poller every facade wait uses: each poll is counted in <c>kipuhub.polls</c> and captures the
    /// response's <c>Retry-After</c>; <see cref="WaitAsync"/> records the wait's span (see <see cref="WaitSubject"/>).
    /// </summary>
    /// <param name="kind">What is awaited.</param>
    /// <param name="id">Its id.</param>
    /// <param name="getStatus">Fetches the current status.</param>
    /// <param name="isTerminal">True for statuses after which nothing changes.</param>
    /// <param name="options">The policy.</param>
    /// <param name="time">The clock.</param>
    public StatusPoller(WaitSubject kind, string id, Func<CancellationToken, Task<TStatus>> getStatus, Func<TStatus, bool> isTerminal, WaitOptions options, TimeProvider time)
        : this($"{kind.Name} '{id}'", ct => PollRecordedAsync(kind, getStatus, ct), isTerminal, options, time)
    {
        _kind = kind;
        _id = id;
    }

    /// <summary>Number of status requests made so far (for tests, metrics and the benchmark).</summary>
    public int PollCount { get; private set; }

    /// <summary>Waits for a terminal status and returns it.</summary>
    public async Task<TStatus> WaitAsync(IProgress<TStatus>? progress, CancellationToken cancellationToken)
    {
        using var activity = _kind is null ? null : HubDiagnostics.StartActivity(_kind.SpanName);
        activity?.SetTag(_kind!.IdTag, _id);
        var last = await WaitCoreAsync(progress, cancellationToken).ConfigureAwait(false);
        activity?.SetTag(_kind!.StatusTag, last.ToString());
        activity?.SetTag("kipuhub.polls", PollCount);
        return last;
    }

    /// <summary>Waits for a terminal status, then fetches what the caller wants to see of the finished work (the job, the session, ...).</summary>
    public async Task<TResult> WaitAsync<TResult>(IProgress<TStatus>? progress, Func<CancellationToken, Task<TResult>> fetchFinal, CancellationToken cancellationToken)
    {
        await WaitAsync(progress, cancellationToken).ConfigureAwait(false);
        return await fetchFinal(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<StatusSnapshot<TStatus>> PollRecordedAsync(WaitSubject kind, Func<CancellationToken, Task<TStatus>> getStatus, CancellationToken cancellationToken)
    {
        HubDiagnostics.Polls.Add(1, new KeyValuePair<string, object?>("kipuhub.subject", kind.MetricTag));
        using var capture = RetryAfterCapture.Begin();
        var status = await getStatus(cancellationToken).ConfigureAwait(false);
        return new StatusSnapshot<TStatus>(status, capture.RetryAfter);
    }

    private async Task<TStatus> WaitCoreAsync(IProgress<TStatus>? progress, CancellationToken cancellationToken)
    {
        TStatus last = default;
        await foreach (var status in WatchAsync(cancellationToken).ConfigureAwait(false))
        {
            last = status;
            progress?.Report(status);
        }
        return last;
    }

    /// <summary>Yields the first status and every change, ending after a terminal status.</summary>
    public async IAsyncEnumerable<TStatus> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        TStatus? previous = null;
        var failures = 0;
        while (true)
        {
            var (snapshot, failureRetryAfter) = await PollOnceAsync(previous, started, failures, cancellationToken).ConfigureAwait(false);
            failures = snapshot is null ? failures + 1 : 0;
            if (snapshot is { } s)
            {
                if (previous is null || !EqualityComparer<TStatus>.Default.Equals(previous.Value, s.Status))
                {
                    previous = s.Status;
                    yield return s.Status;
                }
                if (_isTerminal(s.Status)) yield break;
            }

            await PauseAsync(started, snapshot?.RetryAfter ?? failureRetryAfter, previous, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Polls once. A transient failure (429, 5xx gateway errors, connection trouble) yields no snapshot, with the
    /// failure's <c>Retry-After</c>, instead of ending the wait.
    /// </summary>
    private async Task<(StatusSnapshot<TStatus>? Snapshot, TimeSpan? FailureRetryAfter)> PollOnceAsync(TStatus? previous, long started, int failures, CancellationToken cancellationToken)
    {
        ThrowIfTimedOut(started, previous);
        try
        {
            PollCount++;
            return (await _poll(cancellationToken).ConfigureAwait(false), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw Cancelled(previous, cancellationToken);
        }
        catch (Exception ex) when (failures + 1 < MaxConsecutiveTransientFailures && IsTransient(ex, out var retryAfter))
        {
            // The HTTP layer has already retried; a still-failing status poll says nothing about the job, so keep waiting.
            return (null, retryAfter);
        }
    }

    private async Task PauseAsync(long started, TimeSpan? retryAfter, TStatus? previous, CancellationToken cancellationToken)
    {
        var elapsed = _time.GetElapsedTime(started);
        var delay = _schedule.NextDelay(elapsed, retryAfter);
        if (_options.Timeout is { } timeout && elapsed + delay > timeout)
        {
            delay = timeout - elapsed;
            if (delay < TimeSpan.Zero) delay = TimeSpan.Zero;
        }
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw Cancelled(previous, cancellationToken);
        }
        ThrowIfTimedOut(started, previous);
    }

    private void ThrowIfTimedOut(long started, TStatus? previous)
    {
        if (_options.Timeout is { } timeout && _time.GetElapsedTime(started) >= timeout)
        {
            var status = Describe(previous);
            throw new HubTimeoutException(
                $"Gave up waiting for {_subject} after {timeout} (last status {status}). It is still running on the Hub: wait again, raise WaitOptions.Timeout, or cancel it.",
                timeout, status);
        }
    }

    // A status the SDK does not know is the server's raw text: scrubbed of tokens and cut short before it is quoted.
    private static string Describe(TStatus? status)
    {
        var text = Internal.TokenRedactor.Shared.Redact(status?.ToString() ?? "unknown");
        return text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "...");
    }

    private OperationCanceledException Cancelled(TStatus? previous, CancellationToken cancellationToken) =>
        new($"Stopped waiting for {_subject} (last status {Describe(previous)}). Only the wait was cancelled, not the work on the Hub; cancel that explicitly if you meant to.",
            null, cancellationToken);

    // The one classifier (HubRetryRules) decides; a 500 is left to the HTTP layer's retries and ends the wait.
    private static bool IsTransient(Exception ex, out TimeSpan? retryAfter)
    {
        retryAfter = (ex as HubApiException)?.RetryAfter;
        return ex is not HubApiException { StatusCode: 500 } && Http.HubRetryRules.IsTransient(ex);
    }
}
