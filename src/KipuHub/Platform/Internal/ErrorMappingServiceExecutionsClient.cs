using KipuHub.Generated.Platform;
using KipuHub.Internal;

namespace KipuHub.Platform.Internal;

/// <summary>
/// The facade's <c>ServiceExecutions</c> namespace: forwards every call to the generated <see cref="ServiceExecutionsClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path (and other required strings) are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingServiceExecutionsClient : IServiceExecutionsClient
{
    private readonly IServiceExecutionsClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingServiceExecutionsClient(IServiceExecutionsClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<PageServiceExecutionDto> ListServiceExecutionsAsync(int? page = null, int? size = null, IEnumerable<string>? sort = null, string? serviceId = null, ServiceExecutionStatus? status = null, CancellationToken cancellationToken = default) =>
        _errors.RunAsync(() => _inner.ListServiceExecutionsAsync(page, size, sort, serviceId, status, cancellationToken), "ServiceExecutions.ListServiceExecutionsAsync", cancellationToken);

    /// <inheritdoc />
    public Task<ServiceExecutionDto> GetServiceExecutionAsync(string serviceExecutionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceExecutionId);
        return _errors.RunAsync(() => _inner.GetServiceExecutionAsync(serviceExecutionId, cancellationToken), "ServiceExecutions.GetServiceExecutionAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<object?> GetServiceExecutionInputAsync(string serviceExecutionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceExecutionId);
        return _errors.RunAsync(() => _inner.GetServiceExecutionInputAsync(serviceExecutionId, cancellationToken), "ServiceExecutions.GetServiceExecutionInputAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<object?> GetServiceExecutionResultAsync(string serviceExecutionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceExecutionId);
        return _errors.RunAsync(() => _inner.GetServiceExecutionResultAsync(serviceExecutionId, cancellationToken), "ServiceExecutions.GetServiceExecutionResultAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ICollection<LogEntryDto>> GetServiceExecutionLogsAsync(string serviceExecutionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceExecutionId);
        return _errors.RunAsync(() => _inner.GetServiceExecutionLogsAsync(serviceExecutionId, cancellationToken), "ServiceExecutions.GetServiceExecutionLogsAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ServiceExecutionDto> CancelServiceExecutionAsync(string serviceExecutionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceExecutionId);
        return _errors.RunAsync(() => _inner.CancelServiceExecutionAsync(serviceExecutionId, cancellationToken), "ServiceExecutions.CancelServiceExecutionAsync", cancellationToken);
    }
}
