using KipuHub.Generated.Quantum;
using KipuHub.Jobs;
using KipuHub.Waiting;

namespace KipuHub.Sessions;

/// <summary>
/// An open quantum session that closes itself: <c>await using var session = await client.OpenSessionAsync(...)</c>.
/// Jobs submitted through it run in the session; disposing closes it even when the code inside threw.
/// </summary>
/// <remarks>
/// <see cref="DisposeAsync"/> never throws (the pattern of the Azure SDK's resource wrappers): an exception from the
/// close would replace the one thrown inside the <c>await using</c> block. Call <see cref="CloseAsync"/> before the
/// end of the block to see a failed close; a session that could not be closed ends by itself when its ttl expires.
/// </remarks>
public class HubSession : IAsyncDisposable
{
    // System.Threading.Timer's limit is about 49.7 days; a session of the Hub lives hours.
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromDays(30);

    private readonly HubQuantumClient _client;
    private readonly List<string> _jobIds = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Microsoft.Extensions.Logging.ILogger? _logger;
    private readonly TimeSpan? _requestedTtl;
    private readonly HashSet<Task> _inFlight = []; // submissions on their way, each a task that completes when it ends
    private int _closed;
    private int _draining;
    private int _warned;
    private TimeSpan _expiringSoonThreshold = TimeSpan.FromMinutes(5);
    private bool _thresholdSet;
    private ITimer? _warningTimer;

    internal HubSession(HubQuantumClient client, Session session, TimeProvider timeProvider, int? requestedTtlSeconds, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null)
    {
        _client = client;
        _time = timeProvider;
        _logger = loggerFactory is null ? null : Microsoft.Extensions.Logging.LoggerFactoryExtensions.CreateLogger<HubSession>(loggerFactory);
        _requestedTtl = requestedTtlSeconds is > 0 and var ttl ? TimeSpan.FromSeconds(ttl) : null;
        Session = session;
        // An empty id would address the sessions collection, and closing it would fail in DisposeAsync: refuse it here.
        Id = string.IsNullOrWhiteSpace(session.Id)
            ? throw new HubResponseFormatException(
                "The Hub answered Sessions.CreateSessionAsync with no session id ('id' is missing or empty), so the session cannot be used or closed. " +
                "If it was opened, it ends by itself when its ttl expires. Call OpenSessionAsync again; if this keeps happening, report it with the time of the call.",
                201)
            : session.Id;
        ScheduleWarning();
    }

    /// <summary>For mocking.</summary>
    protected HubSession()
    {
        _client = null!;
        _time = TimeProvider.System;
        Session = new Session();
        Id = string.Empty;
    }

    /// <summary>The session id.</summary>
    public virtual string Id { get; }

    /// <summary>The session record as last fetched.</summary>
    public virtual Session Session { get; private set; }

    /// <summary>
    /// When the session stops taking jobs: the Hub's <c>expires_at</c>, or else its <c>started_at</c> (or
    /// <c>created_at</c>) plus the ttl you asked for; <see langword="null"/> when neither is known.
    /// </summary>
    public virtual DateTimeOffset? ExpiresAt =>
        Session.ExpiresAt ?? ((Session.StartedAt ?? Session.CreatedAt) is { } start && _requestedTtl is { } ttl && start <= DateTimeOffset.MaxValue - ttl
            ? start + ttl
            : null); // a start so late that start + ttl is past the calendar's end: unknown, not an exception

    /// <summary>Time until <see cref="ExpiresAt"/> on the client's <c>TimeProvider</c> (zero once passed); <see langword="null"/> when the expiry is unknown.</summary>
    public virtual TimeSpan? TimeLeft => ExpiresAt is { } at
        ? (at - _time.GetUtcNow() is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero)
        : null;

    /// <summary>
    /// How little time left raises <see cref="ExpiringSoon"/>. Defaults to 5 minutes, or 10% of the session's
    /// lifetime when that is shorter (so a short session does not warn from the start); a value you set is used as is.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public virtual TimeSpan ExpiringSoonThreshold
    {
        get => _expiringSoonThreshold;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            _expiringSoonThreshold = value;
            _thresholdSet = true;
            ScheduleWarning();
        }
    }

    /// <summary>
    /// Raised once when no more than <see cref="ExpiringSoonThreshold"/> is left: by a timer on the client's
    /// <c>TimeProvider</c> (on a thread-pool thread), or by the first submission or wait that finds it so, whichever comes
    /// first. Open a new session for work that will not finish in time.
    /// </summary>
    public event EventHandler? ExpiringSoon;

    /// <summary>Ids of the jobs submitted through this object, in order.</summary>
    public virtual IReadOnlyList<string> JobIds
    {
        get
        {
            lock (_gate) return [.. _jobIds];
        }
    }

    /// <summary>Submits a job into this session (its <c>session_id</c> is set on a copy; your request is not changed).</summary>
    /// <param name="request">The job; its backend must be the session's.</param>
    /// <param name="cancellationToken">Cancels the request; if the Hub already accepted it, the job exists.</param>
    /// <returns>The created job.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="JobPreflightException">The job failed the check against its backend (<see cref="HubQuantumClientOptions.ValidateBeforeSubmit"/>, on by default); nothing was sent.</exception>
    /// <exception cref="JobBudgetExceededException">The job's estimate would cross a budget (<see cref="HubQuantumClientOptions.MaxCost"/>, <see cref="HubQuantumClientOptions.CostBudget"/> or a <see cref="HubCostScope"/>); nothing was sent.</exception>
    /// <exception cref="HubRequestNotSentException">Nothing was sent: the check before the POST could not read the backend (5xx, 408, 429, timeout, broken connection), or the resilience pipeline refused the request.</exception>
    /// <exception cref="HubSessionExpiredException">The session was closed or drained, or its ttl ran out; nothing was sent.</exception>
    /// <exception cref="NotFoundException">The session does not exist (or belongs to another organization).</exception>
    /// <exception cref="UnprocessableEntityException">The Hub refused the job (for example, the session no longer accepts jobs, or the backend is not the session's).</exception>
    /// <exception cref="HubApiException">Another error status (the subclass names it: <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, ...).</exception>
    /// <exception cref="HubTimeoutException">No response within the timeout; the job may exist (the POST is never retried).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke; the job may exist when <see cref="HubTransportException.RequestMayHaveReachedTheHub"/> is true.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="HubResponseFormatException">The Hub answered 2xx with a body that is not what the operation defines.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    public virtual async Task<Job> SubmitJobAsync(CreateJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var copy = Jobs.JobRequestCopy.Of(request, sessionId: Id);
        return await SubmitTrackedAsync(() => _client.SubmitJobAsync(copy, cancellationToken), job => [job.Id!]).ConfigureAwait(false);
    }

    /// <summary>
    /// Submits many jobs into this session like <see cref="HubQuantumClient.SubmitJobsAsync"/>: one POST per request
    /// (POSTed again only when proven not created and <see cref="JobBatchOptions.ResubmitWhenProvenNotCreated"/> is on,
    /// so no job is created twice), at most <see cref="JobBatchOptions.MaxConcurrency"/>
    /// at a time, each failure reported in its <see cref="JobSubmission"/> instead of thrown.
    /// </summary>
    /// <param name="requests">The jobs; each gets the session id (and its batch tag) on a copy, your requests are not changed.</param>
    /// <param name="options">Concurrency and batch id; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops submitting; jobs already accepted exist.</param>
    /// <returns>One result per request, in the order given; the created jobs are added to <see cref="JobIds"/> in that order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requests"/> or one of them is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="JobBatchOptions.MaxConcurrency"/> is less than 1.</exception>
    /// <exception cref="HubSessionExpiredException">The session was closed or drained, or its ttl ran out; nothing was sent.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual async Task<IReadOnlyList<JobSubmission>> SubmitJobsAsync(IEnumerable<CreateJobRequest> requests, JobBatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var inSession = requests.Select(r => Jobs.JobRequestCopy.Of(r ?? throw new ArgumentNullException(nameof(requests), "A request in the batch is null."), sessionId: Id)).ToList();
        return await SubmitTrackedAsync(
            () => _client.SubmitJobsAsync(inSession, options, cancellationToken),
            results => results.Where(r => r.Job?.Id is { Length: > 0 }).Select(r => r.Job!.Id!)).ConfigureAwait(false);
    }

    /// <summary>Stops (false) or resumes (true) accepting new jobs (<c>update_session_state</c>).</summary>
    /// <param name="acceptJobs">Whether the session accepts new jobs.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="HubTimeoutException">A request got no response within the client's <c>Timeout</c> (after retries, for idempotent requests).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual async Task<Session> SetAcceptJobsAsync(bool acceptJobs, CancellationToken cancellationToken = default)
    {
        Session = await _client.Sessions.UpdateSessionStateAsync(Id, new UpdateSessionStateRequest { AcceptJobs = acceptJobs }, cancellationToken).ConfigureAwait(false);
        if (acceptJobs) Volatile.Write(ref _draining, 0); // taking jobs again ends an interrupted drain
        return Session;
    }

    /// <summary>Fetches the session record again.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="HubTimeoutException">A request got no response within the client's <c>Timeout</c> (after retries, for idempotent requests).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual async Task<Session> RefreshAsync(CancellationToken cancellationToken = default)
    {
        Session = await _client.Sessions.GetSessionAsync(Id, cancellationToken).ConfigureAwait(false);
        ScheduleWarning(); // the Hub may have moved expires_at
        return Session;
    }

    /// <summary>
    /// Waits for every job of the session to finish, however it was submitted: through this object, or with the
    /// client's <c>SubmitJobAsync</c>/<c>SubmitJobsAsync</c> and a <c>SessionId</c>, or by another process.
    /// </summary>
    /// <remarks>
    /// It asks the Hub for the session's jobs (<c>GET /sessions/{id}/jobs</c>) and adds any job submitted through this
    /// object that the listing does not show yet, then waits for all of them (one status poll per job).
    /// </remarks>
    /// <param name="options">Polling policy.</param>
    /// <param name="cancellationToken">Stops waiting (the jobs keep running).</param>
    /// <returns>The jobs in their final state: the Hub's order (oldest first), then any job only this object knew of.</returns>
    /// <exception cref="NotFoundException">The session does not exist (or belongs to another organization).</exception>
    /// <exception cref="HubApiException">Another error status while listing or polling.</exception>
    /// <exception cref="HubTimeoutException">The wait's <see cref="WaitOptions.Timeout"/> passed, or a request got no response in time.</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    public virtual async Task<IReadOnlyList<Job>> WaitForJobsAsync(WaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        WarnIfExpiringSoon();
        var listed = await _client.Sessions.GetJobsBySessionAsync(Id, cancellationToken).ConfigureAwait(false);
        var ids = (listed ?? []).Select(j => j.Id).OfType<string>().Where(id => id.Length > 0).ToList();
        ids.AddRange(JobIds.Except(ids, StringComparer.Ordinal));
        return await _client.WaitForAllAsync(ids.Distinct(StringComparer.Ordinal), options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the session gracefully: stops accepting jobs, waits for every job of the session to finish, then closes it.
    /// </summary>
    /// <remarks>
    /// <para>In order:</para>
    /// <list type="number">
    /// <item>This object refuses new submissions at once (<see cref="HubSessionExpiredException"/>, nothing sent).</item>
    /// <item>Submissions already on their way through this object are awaited (their jobs are then waited for too; their failures are theirs to report, not the drain's).</item>
    /// <item>The Hub is told to stop accepting jobs (<c>accept_jobs=false</c>), so other processes' submissions into the session are refused as well. Skipped when the Hub already reports the session ended.</item>
    /// <item>Every job of the session is waited for, as <see cref="WaitForJobsAsync"/> does.</item>
    /// <item>The session is closed (<see cref="CloseAsync"/>).</item>
    /// </list>
    /// <para>
    /// If waiting fails or is cancelled, the session is left open and not accepting (the jobs keep running): call
    /// <c>DrainAsync</c> again to resume the drain, <see cref="SetAcceptJobsAsync"/> with <see langword="true"/> to take
    /// jobs again, or <see cref="CloseAsync"/> to close it now.
    /// </para>
    /// </remarks>
    /// <param name="options">Polling policy of the wait (its <see cref="WaitOptions.Timeout"/> bounds the drain's wait).</param>
    /// <param name="cancellationToken">Stops the drain; the jobs keep running and the session stays open.</param>
    /// <returns>The session's jobs in their final state, as <see cref="WaitForJobsAsync"/> returns them.</returns>
    /// <exception cref="NotFoundException">The session does not exist (or belongs to another organization).</exception>
    /// <exception cref="HubApiException">Another error status while updating, listing, polling or closing.</exception>
    /// <exception cref="HubTimeoutException">The wait's <see cref="WaitOptions.Timeout"/> passed, or a request got no response in time.</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual async Task<IReadOnlyList<Job>> DrainAsync(WaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        Task[] pending;
        lock (_gate)
        {
            _draining = 1;
            pending = [.. _inFlight];
        }

        // However they end: a failed submission is its caller's to report, and its job (if any) is waited for below.
        await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(false);
        var ended = Session.Status is { } status && status.IsTerminal();
        if (Volatile.Read(ref _closed) == 0 && !ended)
        {
            await SetAcceptJobsAsync(false, cancellationToken).ConfigureAwait(false);
        }

        var jobs = await WaitForJobsAsync(options, cancellationToken).ConfigureAwait(false);
        await CloseAsync(cancellationToken).ConfigureAwait(false);
        return jobs;
    }

    // Checks and registers a submission under one lock, so a drain that starts while it is on its way waits for it
    // (and then for its job), and no submission can slip past a drain that has begun.
    private async Task<T> SubmitTrackedAsync<T>(Func<Task<T>> submit, Func<T, IEnumerable<string>> createdIds)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            EnsureTakesJobs();
            _inFlight.Add(done.Task);
        }

        WarnIfExpiringSoon();
        try
        {
            var submitted = await submit().ConfigureAwait(false);
            // Recorded before the submission counts as ended, so a drain waiting for it also waits for its jobs.
            lock (_gate) _jobIds.AddRange(createdIds(submitted));
            return submitted;
        }
        finally
        {
            lock (_gate) _inFlight.Remove(done.Task);
            done.SetResult();
        }
    }

    // Refuses locally what the Hub would refuse anyway, so an expired session costs no POST (and no half-sent batch).
    private void EnsureTakesJobs()
    {
        if (Volatile.Read(ref _closed) == 1)
        {
            throw new HubSessionExpiredException(Id, ExpiresAt, "it was closed");
        }

        if (Volatile.Read(ref _draining) == 1)
        {
            throw new HubSessionExpiredException(Id, ExpiresAt, "it is being drained (DrainAsync), and takes no new jobs");
        }

        if (Session.Status is { } status && (status.IsTerminal() || status == SessionStatus.Draining))
        {
            throw new HubSessionExpiredException(Id, ExpiresAt, $"the Hub reports it {status}");
        }

        if (ExpiresAt is { } at && _time.GetUtcNow() >= at)
        {
            throw new HubSessionExpiredException(Id, at, $"its ttl expired at {at:O}");
        }
    }

    private void WarnIfExpiringSoon()
    {
        if (TimeLeft is not { } left || ExpiresAt is not { } at) return;
        if (left <= EffectiveThreshold(at) && Interlocked.Exchange(ref _warned, 1) == 0)
        {
            _warningTimer?.Dispose();
            if (_logger is not null) SessionLog.ExpiringSoon(_logger, Id, at, (long)left.TotalSeconds);
            RaiseExpiringSoon();
        }
    }

    // The threshold; by default capped at a tenth of the session's lifetime (a short session does not warn from the start).
    private TimeSpan EffectiveThreshold(DateTimeOffset at) =>
        !_thresholdSet && (Session.StartedAt ?? Session.CreatedAt) is { } start && (at - start) / 10 is var tenth && tenth < _expiringSoonThreshold
            ? tenth
            : _expiringSoonThreshold;

    // A timer on the client's clock for the moment the warning is due; without it a long wait would never warn.
    private void ScheduleWarning()
    {
        if (Volatile.Read(ref _warned) == 1 || Volatile.Read(ref _closed) == 1 || ExpiresAt is not { } at) return;
        // TimeSpan arithmetic only (a DateTimeOffset near the calendar's ends cannot overflow it), and no timer for an expiry
        // further away than a timer can wait: the check on each submission and wait still applies.
        var left = at - _time.GetUtcNow();
        var threshold = EffectiveThreshold(at);
        var due = left > threshold ? left - threshold : TimeSpan.Zero; // no subtraction that can overflow, whatever the threshold
        // A weak reference: a session nobody holds any more is not kept alive until its warning is due.
        var timer = due > TimeSpan.Zero && due <= MaxTimerDelay ? _time.CreateTimer(static state => OnWarningDue((WeakReference<HubSession>)state!), new WeakReference<HubSession>(this), due, Timeout.InfiniteTimeSpan) : null;
        Interlocked.Exchange(ref _warningTimer, timer)?.Dispose();
    }

    // A handler's exception must not escape: on the timer's thread it would end the process, and in a submission it
    // would fail a job that was fine. It is logged (event 202) instead.
    private void RaiseExpiringSoon()
    {
        try
        {
            ExpiringSoon?.Invoke(this, EventArgs.Empty);
        }
#pragma warning disable CA1031 // Whatever the user's handler threw, it is reported, not rethrown.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (_logger is not null) SessionLog.ExpiringSoonHandlerFailed(_logger, Id, ex.GetType().Name);
        }
    }

    private static void OnWarningDue(WeakReference<HubSession> session)
    {
        if (session.TryGetTarget(out var target)) target.WarnIfExpiringSoon();
    }

    /// <summary>Closes the session; later submissions are rejected. Closing twice does nothing.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="HubTimeoutException">A request got no response within the client's <c>Timeout</c> (after retries, for idempotent requests).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1) return;
        try
        {
            Session = await _client.Sessions.CloseSessionAsync(Id, cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref _warningTimer, null)?.Dispose(); // a closed session has nothing to warn about
        }
        catch
        {
            Volatile.Write(ref _closed, 0);
            throw;
        }
    }

    /// <summary>
    /// Closes the session if it is still open, and never throws: every failure of the close is swallowed, so it cannot
    /// replace an exception thrown inside the <c>await using</c> block. Call <see cref="CloseAsync"/> to see a failure.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await CloseAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Dispose must not throw over the block's exception, whatever the close failed with.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Best effort: the session also ends by itself when its ttl expires.
        }

        Interlocked.Exchange(ref _warningTimer, null)?.Dispose();

        GC.SuppressFinalize(this);
    }
}
