using KipuHub.Generated.Platform;
using KipuHub.Internal;

namespace KipuHub.Platform.Internal;

/// <summary>
/// The facade's <c>Marketplace</c> namespace: forwards every call to the generated <see cref="MarketplaceClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path (and other required strings) are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingMarketplaceClient : IMarketplaceClient
{
    private readonly IMarketplaceClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingMarketplaceClient(IMarketplaceClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<ICollection<ApiOverviewDto>> FindServicesAsync(CancellationToken cancellationToken = default) =>
        _errors.RunAsync(() => _inner.FindServicesAsync(cancellationToken), "Marketplace.FindServicesAsync", cancellationToken);

    /// <inheritdoc />
    public Task<ApiDto> FindServiceAsync(string apiId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiId);
        return _errors.RunAsync(() => _inner.FindServiceAsync(apiId, cancellationToken), "Marketplace.FindServiceAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<object?> GetApiSpecAsync(string apiId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiId);
        return _errors.RunAsync(() => _inner.GetApiSpecAsync(apiId, cancellationToken), "Marketplace.GetApiSpecAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<FileResponse> GetLogoAsync(string apiId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiId);
        return _errors.RunAsync(() => _inner.GetLogoAsync(apiId, cancellationToken), "Marketplace.GetLogoAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<SubscriptionDto> CreateApiSubscriptionAsync(string apiId, CreateApiSubscriptionRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.CreateApiSubscriptionAsync(apiId, body, cancellationToken), "Marketplace.CreateApiSubscriptionAsync", cancellationToken);
    }
}
