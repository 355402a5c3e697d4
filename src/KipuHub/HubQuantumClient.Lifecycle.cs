using KipuHub.Generated.Quantum;
using KipuHub.Jobs;
using KipuHub.Paging;
using KipuHub.Sessions;
using KipuHub.Waiting;
using Newtonsoft.Json.Linq;

namespace KipuHub;

/// <content>Job lifecycle: submit, wait, run, batches, results, paging and sessions (the part the official SDKs leave to you).</content>
public partial class HubQuantumClient
{
    private JobLifecycle? _lifecycle;

    private JobLifecycle Lifecycle => _lifecycle ??= new JobLifecycle(Jobs, Workloads, Core.TimeProvider, Core.DefaultWaitOptions) { Preflight = PreflightAsync };

    /// <inheritdoc />
    public virtual Task<Job> SubmitJobAsync(CreateJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Lifecycle.SubmitAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<Job> WaitForCompletionAsync(string jobId, WaitOptions? options = null, IProgress<JobStatus>? progress = null, CancellationToken cancellationToken = default) =>
        Lifecycle.WaitForCompletionAsync(jobId, options, progress, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<JobStatus> WatchAsync(string jobId, WaitOptions? options = null, CancellationToken cancellationToken = default) =>
        Lifecycle.WatchAsync(jobId, options, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<Job>> WaitForAllAsync(IEnumerable<string> jobIds, WaitOptions? options = null, CancellationToken cancellationToken = default) =>
        Lifecycle.WaitForAllAsync(jobIds, options, cancellationToken);

    /// <inheritdoc />
    public virtual Task<JobResult> RunJobAsync(CreateJobRequest request, WaitOptions? options = null, IProgress<JobStatus>? progress = null, CancellationToken cancellationToken = default) =>
        Lifecycle.RunJobAsync(request, options, progress, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<JobSubmission>> SubmitJobsAsync(IEnumerable<CreateJobRequest> requests, JobBatchOptions? options = null, CancellationToken cancellationToken = default) =>
        Lifecycle.SubmitBatchAsync(requests, options, cancellationToken);

    /// <inheritdoc />
    public virtual Task<long> CopyJobResultToAsync(string jobId, Stream destination, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        Lifecycle.CopyResultToAsync(jobId, destination, progress, cancellationToken);

    /// <inheritdoc />
    public virtual Task<long> DownloadJobResultAsync(string jobId, string path, bool overwrite = false, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        Lifecycle.DownloadResultAsync(jobId, path, overwrite, progress, cancellationToken);

    /// <inheritdoc />
    public virtual Task<JToken> ReadJobResultAsync(string jobId, CancellationToken cancellationToken = default) =>
        Lifecycle.ReadResultAsync(jobId, cancellationToken);

    /// <inheritdoc />
    public virtual AsyncPageable<Job> GetJobsAsync(int? pageSize = null, IEnumerable<string>? sort = null) => Lifecycle.GetJobs(pageSize, sort);

    /// <inheritdoc />
    public virtual AsyncPageable<Workload> GetWorkloadsAsync(int? pageSize = null, IEnumerable<string>? sort = null) => Lifecycle.GetWorkloads(pageSize, sort);

    /// <inheritdoc />
    public virtual async Task<HubSession> OpenSessionAsync(CreateSessionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var session = await Sessions.CreateSessionAsync(request, cancellationToken).ConfigureAwait(false);
        return new HubSession(this, session, Core.TimeProvider, request.Ttl, Core.LoggerFactory);
    }

    /// <inheritdoc />
    public virtual Task<Session> WaitForSessionAsync(string sessionId, WaitOptions? options = null, IProgress<SessionStatus>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        return CreateSessionPoller(sessionId, options).WaitAsync(progress, ct => Sessions.GetSessionAsync(sessionId, ct), cancellationToken);
    }

    /// <inheritdoc />
    public virtual IAsyncEnumerable<SessionStatus> WatchSessionAsync(string sessionId, WaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        return CreateSessionPoller(sessionId, options).WatchAsync(cancellationToken);
    }

    private StatusPoller<SessionStatus> CreateSessionPoller(string sessionId, WaitOptions? options) =>
        new(WaitSubject.Session, sessionId,
            async ct => (await Sessions.GetSessionStatusAsync(sessionId, ct).ConfigureAwait(false)).Status ?? SessionStatus.Unknown,
            static s => s.IsTerminal(), options ?? Core.DefaultWaitOptions, Core.TimeProvider);
}
