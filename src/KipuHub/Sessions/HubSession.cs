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
    private readonly HubQuantumClient _client;
    private readonly List<string> _jobIds = [];
    private readonly Lock _gate = new();
    private int _closed;

    internal HubSession(HubQuantumClient client, Session session)
    {
        _client = client;
        Session = session;
        // An empty id would address the sessions collection, and closing it would fail in DisposeAsync: refuse it here.
        Id = string.IsNullOrWhiteSpace(session.Id)
            ? throw new HubResponseFormatException(
                "The Hub answered Sessions.CreateSessionAsync with no session id ('id' is missing or empty), so the session cannot be used or closed. " +
                "If it was opened, it ends by itself when its ttl expires. Call OpenSessionAsync again; if this keeps happening, report it with the time of the call.",
                201)
            : session.Id;
    }

    /// <summary>For mocking.</summary>
    protected HubSession()
    {
        _client = null!;
        Session = new Session();
        Id = string.Empty;
    }

    /// <summary>The session id.</summary>
    public virtual string Id { get; }

    /// <summary>The session record as last fetched.</summary>
    public virtual Session Session { get; private set; }

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
    /// <param name="cancellationToken">Cancels the request.</param>
    public virtual async Task<Job> SubmitJobAsync(CreateJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = await _client.SubmitJobAsync(Jobs.JobRequestCopy.Of(request, sessionId: Id), cancellationToken).ConfigureAwait(false);
        lock (_gate) _jobIds.Add(job.Id!);
        return job;
    }

    /// <summary>Stops (false) or resumes (true) accepting new jobs (<c>update_session_state</c>).</summary>
    /// <param name="acceptJobs">Whether the session accepts new jobs.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public virtual async Task<Session> SetAcceptJobsAsync(bool acceptJobs, CancellationToken cancellationToken = default) =>
        Session = await _client.Sessions.UpdateSessionStateAsync(Id, new UpdateSessionStateRequest { AcceptJobs = acceptJobs }, cancellationToken).ConfigureAwait(false);

    /// <summary>Fetches the session record again.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    public virtual async Task<Session> RefreshAsync(CancellationToken cancellationToken = default) =>
        Session = await _client.Sessions.GetSessionAsync(Id, cancellationToken).ConfigureAwait(false);

    /// <summary>Waits for every job submitted through this object to finish.</summary>
    /// <param name="options">Polling policy.</param>
    /// <param name="cancellationToken">Stops waiting (the jobs keep running).</param>
    public virtual Task<IReadOnlyList<Job>> WaitForJobsAsync(WaitOptions? options = null, CancellationToken cancellationToken = default) =>
        _client.WaitForAllAsync(JobIds, options, cancellationToken);

    /// <summary>Closes the session; later submissions are rejected. Closing twice does nothing.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    public virtual async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1) return;
        try
        {
            Session = await _client.Sessions.CloseSessionAsync(Id, cancellationToken).ConfigureAwait(false);
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

        GC.SuppressFinalize(this);
    }
}
