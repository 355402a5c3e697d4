using KipuHub.Generated.Quantum;
using KipuHub.Internal;

namespace KipuHub.Quantum.Internal;

/// <summary>
/// The facade's <c>Jobs</c> namespace: forwards every call to the generated <see cref="JobsClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingJobsClient : IJobsClient
{
    private readonly IJobsClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingJobsClient(IJobsClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<PageResponseJob> SearchJobsAsync(int? page = null, int? size = null, IEnumerable<string>? sort = null, string? serviceExecutionId = null, CancellationToken cancellationToken = default) =>
        _errors.RunAsync(_inner.SearchJobsAsync(page, size, sort, serviceExecutionId, cancellationToken), "Jobs.SearchJobsAsync", cancellationToken);

    /// <inheritdoc />
    public Task<Job> CreateJobAsync(CreateJobRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(_inner.CreateJobAsync(body, cancellationToken), "Jobs.CreateJobAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<Job> GetJobAsync(string id, string? serviceExecutionId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _errors.RunAsync(_inner.GetJobAsync(id, serviceExecutionId, cancellationToken), "Jobs.GetJobAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task CancelJobAsync(string id, string? serviceExecutionId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _errors.RunAsync(_inner.CancelJobAsync(id, serviceExecutionId, cancellationToken), "Jobs.CancelJobAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<JobStatusResponse> GetJobStatusAsync(string id, string? serviceExecutionId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _errors.RunAsync(_inner.GetJobStatusAsync(id, serviceExecutionId, cancellationToken), "Jobs.GetJobStatusAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<object> GetJobResultAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _errors.RunAsync(_inner.GetJobResultAsync(id, cancellationToken), "Jobs.GetJobResultAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<FileResponse> GetJobResultStreamAsync(string id, string? serviceExecutionId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _errors.RunAsync(_inner.GetJobResultStreamAsync(id, serviceExecutionId, cancellationToken), "Jobs.GetJobResultStreamAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<string> GetJobInputAsync(string id, string? serviceExecutionId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _errors.RunAsync(_inner.GetJobInputAsync(id, serviceExecutionId, cancellationToken), "Jobs.GetJobInputAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<CalibrationResponse> GetJobCalibrationAsync(string id, string? serviceExecutionId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _errors.RunAsync(_inner.GetJobCalibrationAsync(id, serviceExecutionId, cancellationToken), "Jobs.GetJobCalibrationAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<PageResponseJob> SearchServiceExecJobsAsync(string serviceExecutionId, int? page = null, int? size = null, IEnumerable<string>? sort = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceExecutionId);
        return _errors.RunAsync(_inner.SearchServiceExecJobsAsync(serviceExecutionId, page, size, sort, cancellationToken), "Jobs.SearchServiceExecJobsAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<Job> CreateServiceExecJobAsync(string serviceExecutionId, CreateJobRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceExecutionId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(_inner.CreateServiceExecJobAsync(serviceExecutionId, body, cancellationToken), "Jobs.CreateServiceExecJobAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<Job> GetServiceExecJobAsync(string serviceExecutionId, string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceExecutionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        return _errors.RunAsync(_inner.GetServiceExecJobAsync(serviceExecutionId, jobId, cancellationToken), "Jobs.GetServiceExecJobAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task CancelServiceExecJobAsync(string serviceExecutionId, string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceExecutionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        return _errors.RunAsync(_inner.CancelServiceExecJobAsync(serviceExecutionId, jobId, cancellationToken), "Jobs.CancelServiceExecJobAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<JobStatusResponse> GetServiceExecJobStatusAsync(string serviceExecutionId, string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceExecutionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        return _errors.RunAsync(_inner.GetServiceExecJobStatusAsync(serviceExecutionId, jobId, cancellationToken), "Jobs.GetServiceExecJobStatusAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<object> GetServiceExecJobResultAsync(string serviceExecutionId, string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceExecutionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        return _errors.RunAsync(_inner.GetServiceExecJobResultAsync(serviceExecutionId, jobId, cancellationToken), "Jobs.GetServiceExecJobResultAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<FileResponse> GetServiceExecJobResultStreamAsync(string serviceExecutionId, string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceExecutionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        return _errors.RunAsync(_inner.GetServiceExecJobResultStreamAsync(serviceExecutionId, jobId, cancellationToken), "Jobs.GetServiceExecJobResultStreamAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<string> GetServiceExecJobInputAsync(string serviceExecutionId, string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceExecutionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        return _errors.RunAsync(_inner.GetServiceExecJobInputAsync(serviceExecutionId, jobId, cancellationToken), "Jobs.GetServiceExecJobInputAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<CalibrationResponse> GetServiceExecJobCalibrationAsync(string serviceExecutionId, string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceExecutionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        return _errors.RunAsync(_inner.GetServiceExecJobCalibrationAsync(serviceExecutionId, jobId, cancellationToken), "Jobs.GetServiceExecJobCalibrationAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<Session> GetServiceExecSessionAsync(string serviceExecutionId, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceExecutionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        return _errors.RunAsync(_inner.GetServiceExecSessionAsync(serviceExecutionId, sessionId, cancellationToken), "Jobs.GetServiceExecSessionAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<Session> CloseServiceExecSessionAsync(string serviceExecutionId, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceExecutionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        return _errors.RunAsync(_inner.CloseServiceExecSessionAsync(serviceExecutionId, sessionId, cancellationToken), "Jobs.CloseServiceExecSessionAsync", cancellationToken);
    }
}
