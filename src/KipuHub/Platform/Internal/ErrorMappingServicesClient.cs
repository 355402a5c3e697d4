using KipuHub.Generated.Platform;
using KipuHub.Internal;

namespace KipuHub.Platform.Internal;

/// <summary>
/// The facade's <c>Services</c> namespace: forwards every call to the generated <see cref="ServicesClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path (and other required strings) are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingServicesClient : IServicesClient
{
    private readonly IServicesClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingServicesClient(IServicesClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<PageServiceDto> ListServicesAsync(int? page = null, int? size = null, IEnumerable<string>? sort = null, string? search = null, ServiceLifecycle? lifecycle = null, ServiceType? type = null, CancellationToken cancellationToken = default) =>
        _errors.RunAsync(() => _inner.ListServicesAsync(page, size, sort, search, lifecycle, type, cancellationToken), "Services.ListServicesAsync", cancellationToken);

    /// <inheritdoc />
    public Task<ServiceDto> GetServiceAsync(string serviceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        return _errors.RunAsync(() => _inner.GetServiceAsync(serviceId, cancellationToken), "Services.GetServiceAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteServiceAsync(string serviceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        return _errors.RunAsync(() => _inner.DeleteServiceAsync(serviceId, cancellationToken), "Services.DeleteServiceAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ICollection<ServiceDefinitionDto>> GetServiceVersionsAsync(string serviceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        return _errors.RunAsync(() => _inner.GetServiceVersionsAsync(serviceId, cancellationToken), "Services.GetServiceVersionsAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ServiceDefinitionDto> GetServiceVersionAsync(string serviceId, string versionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        return _errors.RunAsync(() => _inner.GetServiceVersionAsync(serviceId, versionId, cancellationToken), "Services.GetServiceVersionAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ServiceDefinitionDto> UpdateServiceVersionAsync(string serviceId, string versionId, UpdateVersionRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.UpdateServiceVersionAsync(serviceId, versionId, body, cancellationToken), "Services.UpdateServiceVersionAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<string> GetApiDefinitionAsync(string serviceId, string versionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        return _errors.RunAsync(() => _inner.GetApiDefinitionAsync(serviceId, versionId, cancellationToken), "Services.GetApiDefinitionAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task UpdateApiDefinitionAsync(string serviceId, string versionId, FileParameter file = null!, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        return _errors.RunAsync(() => _inner.UpdateApiDefinitionAsync(serviceId, versionId, file, cancellationToken), "Services.UpdateApiDefinitionAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<FileResponse> GetSourceCodeAsync(string serviceId, string versionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        return _errors.RunAsync(() => _inner.GetSourceCodeAsync(serviceId, versionId, cancellationToken), "Services.GetSourceCodeAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ServiceDefinitionDto> UpdateSourceCodeAsync(string serviceId, string versionId, FileParameter file = null!, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        return _errors.RunAsync(() => _inner.UpdateSourceCodeAsync(serviceId, versionId, file, cancellationToken), "Services.UpdateSourceCodeAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<BuildJobDto> GetBuildStatusAsync(string serviceId, string versionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        return _errors.RunAsync(() => _inner.GetBuildStatusAsync(serviceId, versionId, cancellationToken), "Services.GetBuildStatusAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<string> GetBuildLogsAsync(string serviceId, string versionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        return _errors.RunAsync(() => _inner.GetBuildLogsAsync(serviceId, versionId, cancellationToken), "Services.GetBuildLogsAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task UpdateResourceConfigurationAsync(string serviceId, string versionId, ResourceConfiguration body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.UpdateResourceConfigurationAsync(serviceId, versionId, body, cancellationToken), "Services.UpdateResourceConfigurationAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task UpdateRuntimeConfigurationAsync(string serviceId, string versionId, RuntimeConfiguration body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.UpdateRuntimeConfigurationAsync(serviceId, versionId, body, cancellationToken), "Services.UpdateRuntimeConfigurationAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ICollection<SubscriptionDto>> GetServiceSubscriptionsAsync(string serviceId, string versionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        return _errors.RunAsync(() => _inner.GetServiceSubscriptionsAsync(serviceId, versionId, cancellationToken), "Services.GetServiceSubscriptionsAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ServiceDefinitionDto> PublishServiceAsync(string serviceId, string versionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        return _errors.RunAsync(() => _inner.PublishServiceAsync(serviceId, versionId, cancellationToken), "Services.PublishServiceAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ServiceDefinitionDto> PublishServiceInternalAsync(string serviceId, string versionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        return _errors.RunAsync(() => _inner.PublishServiceInternalAsync(serviceId, versionId, cancellationToken), "Services.PublishServiceInternalAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ServiceDefinitionDto> UnpublishServiceAsync(string serviceId, string versionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        return _errors.RunAsync(() => _inner.UnpublishServiceAsync(serviceId, versionId, cancellationToken), "Services.UnpublishServiceAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task ExecuteServiceCommandAsync(string serviceId, string versionId, ServiceDefinitionCommand body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.ExecuteServiceCommandAsync(serviceId, versionId, body, cancellationToken), "Services.ExecuteServiceCommandAsync", cancellationToken);
    }
}
