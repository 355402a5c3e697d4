using KipuHub.Generated.Platform;
using KipuHub.Internal;

namespace KipuHub.Platform.Internal;

/// <summary>
/// The facade's <c>ManagedServices</c> namespace: forwards every call to the generated <see cref="ManagedServicesClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path (and other required strings) are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingManagedServicesClient : IManagedServicesClient
{
    private readonly IManagedServicesClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingManagedServicesClient(IManagedServicesClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<ServiceDto> CreateManagedServiceAsync(string name, string? description = null, int? milliCpus = null, int? memoryInMegabytes = null, ServiceRuntime? runtime = null, int? gpuCount = null, GpuAccelerator? gpuAccelerator = null, FileParameter userCode = null!, FileParameter apiDefinition = null!, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _errors.RunAsync(() => _inner.CreateManagedServiceAsync(name, description, milliCpus, memoryInMegabytes, runtime, gpuCount, gpuAccelerator, userCode, apiDefinition, cancellationToken), "ManagedServices.CreateManagedServiceAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<PricingPlanDto> AddPricingPlanManagedServiceAsync(string serviceId, string versionId, CreateManagedServicePricingPlanRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.AddPricingPlanManagedServiceAsync(serviceId, versionId, body, cancellationToken), "ManagedServices.AddPricingPlanManagedServiceAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task DeletePricingPlanManagedServiceAsync(string serviceId, string versionId, string pricingPlanId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(pricingPlanId);
        return _errors.RunAsync(() => _inner.DeletePricingPlanManagedServiceAsync(serviceId, versionId, pricingPlanId, cancellationToken), "ManagedServices.DeletePricingPlanManagedServiceAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ICollection<ServiceExecutionDto>> GetManagedServiceExecutionsAsync(string serviceId, string versionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        return _errors.RunAsync(() => _inner.GetManagedServiceExecutionsAsync(serviceId, versionId, cancellationToken), "ManagedServices.GetManagedServiceExecutionsAsync", cancellationToken);
    }
}
