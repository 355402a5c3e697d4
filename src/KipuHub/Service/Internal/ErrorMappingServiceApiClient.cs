using KipuHub.Generated.Service;
using KipuHub.Internal;

namespace KipuHub.Service.Internal;

/// <summary>
/// The facade's <c>ServiceApi</c> namespace: forwards every call to the generated <see cref="ServiceApiClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingServiceApiClient : IServiceApiClient
{
    private readonly IServiceApiClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingServiceApiClient(IServiceApiClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<ICollection<ServiceExecution>> GetServiceExecutionsAsync(CancellationToken cancellationToken = default) =>
        _errors.RunAsync(_inner.GetServiceExecutionsAsync(cancellationToken), "ServiceApi.GetServiceExecutionsAsync", cancellationToken);

    /// <inheritdoc />
    public Task<ServiceExecution> StartExecutionAsync(StartExecutionRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(_inner.StartExecutionAsync(body, cancellationToken), "ServiceApi.StartExecutionAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ServiceExecution> GetStatusAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _errors.RunAsync(_inner.GetStatusAsync(id, cancellationToken), "ServiceApi.GetStatusAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ResultResponse> GetResultAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _errors.RunAsync(_inner.GetResultAsync(id, cancellationToken), "ServiceApi.GetResultAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<FileResponse> GetResultFileAsync(string id, string file, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        return _errors.RunAsync(_inner.GetResultFileAsync(id, file, cancellationToken), "ServiceApi.GetResultFileAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ICollection<LogEntry>> GetLogsAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _errors.RunAsync(_inner.GetLogsAsync(id, cancellationToken), "ServiceApi.GetLogsAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ServiceExecution> CancelExecutionAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _errors.RunAsync(_inner.CancelExecutionAsync(id, cancellationToken), "ServiceApi.CancelExecutionAsync", cancellationToken);
    }
}
