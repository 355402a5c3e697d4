using KipuHub.Generated.Platform;
using KipuHub.Internal;

namespace KipuHub.Platform.Internal;

/// <summary>
/// The facade's <c>ExternalServices</c> namespace: forwards every call to the generated <see cref="ExternalServicesClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path (and other required strings) are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingExternalServicesClient : IExternalServicesClient
{
    private readonly IExternalServicesClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingExternalServicesClient(IExternalServicesClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<ServiceDto> CreateExternalServiceAsync(string name, string url, string? description = null, SecurityConfiguration? securityConfiguration = null, string? username = null, string? password = null, FileParameter apiDefinition = null!, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        return _errors.RunAsync(() => _inner.CreateExternalServiceAsync(name, url, description, securityConfiguration, username, password, apiDefinition, cancellationToken), "ExternalServices.CreateExternalServiceAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<PricingPlanDto> AddPricingPlanExternalServiceAsync(string serviceId, string versionId, CreateExternalServicePricingPlanRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.AddPricingPlanExternalServiceAsync(serviceId, versionId, body, cancellationToken), "ExternalServices.AddPricingPlanExternalServiceAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task DeletePricingPlanExternalServiceAsync(string serviceId, string versionId, string pricingPlanId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(pricingPlanId);
        return _errors.RunAsync(() => _inner.DeletePricingPlanExternalServiceAsync(serviceId, versionId, pricingPlanId, cancellationToken), "ExternalServices.DeletePricingPlanExternalServiceAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ICollection<ProductUsageDto>> GetExternalServiceMeteringEventsAsync(string serviceId, string versionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        return _errors.RunAsync(() => _inner.GetExternalServiceMeteringEventsAsync(serviceId, versionId, cancellationToken), "ExternalServices.GetExternalServiceMeteringEventsAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<MeteringResponse> ReportMeteringAsync(MeteringRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.ReportMeteringAsync(body, cancellationToken), "ExternalServices.ReportMeteringAsync", cancellationToken);
    }
}
