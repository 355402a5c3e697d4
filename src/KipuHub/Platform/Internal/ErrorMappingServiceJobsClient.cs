using KipuHub.Generated.Platform;
using KipuHub.Internal;

namespace KipuHub.Platform.Internal;

/// <summary>
/// The facade's <c>ServiceJobs</c> namespace: forwards every call to the generated <see cref="ServiceJobsClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path (and other required strings) are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingServiceJobsClient : IServiceJobsClient
{
    private readonly IServiceJobsClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingServiceJobsClient(IServiceJobsClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<ICollection<ServiceJobOverviewDto>> GetServiceJobsAsync(CancellationToken cancellationToken = default) =>
        _errors.RunAsync(() => _inner.GetServiceJobsAsync(cancellationToken), "ServiceJobs.GetServiceJobsAsync", cancellationToken);

    /// <inheritdoc />
    public Task<ServiceJobDto> CreateServiceJobAsync(CreateServiceJobRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.CreateServiceJobAsync(body, cancellationToken), "ServiceJobs.CreateServiceJobAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ServiceJobDto> GetServiceJobAsync(string serviceJobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceJobId);
        return _errors.RunAsync(() => _inner.GetServiceJobAsync(serviceJobId, cancellationToken), "ServiceJobs.GetServiceJobAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteServiceJobAsync(string serviceJobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceJobId);
        return _errors.RunAsync(() => _inner.DeleteServiceJobAsync(serviceJobId, cancellationToken), "ServiceJobs.DeleteServiceJobAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ServiceJobDto> CancelServiceJobAsync(string serviceJobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceJobId);
        return _errors.RunAsync(() => _inner.CancelServiceJobAsync(serviceJobId, cancellationToken), "ServiceJobs.CancelServiceJobAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ICollection<ProductUsageDto>> GetServiceJobCostsAsync(string serviceJobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceJobId);
        return _errors.RunAsync(() => _inner.GetServiceJobCostsAsync(serviceJobId, cancellationToken), "ServiceJobs.GetServiceJobCostsAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<string> GetServiceJobLogsAsync(string serviceJobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceJobId);
        return _errors.RunAsync(() => _inner.GetServiceJobLogsAsync(serviceJobId, cancellationToken), "ServiceJobs.GetServiceJobLogsAsync", cancellationToken);
    }
}
