using KipuHub.Generated.Platform;
using KipuHub.Internal;

namespace KipuHub.Platform.Internal;

/// <summary>
/// The facade's <c>ServiceShares</c> namespace: forwards every call to the generated <see cref="ServiceSharesClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path (and other required strings) are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingServiceSharesClient : IServiceSharesClient
{
    private readonly IServiceSharesClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingServiceSharesClient(IServiceSharesClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<ICollection<ServiceShareDto>> GetServiceSharesAsync(string serviceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        return _errors.RunAsync(() => _inner.GetServiceSharesAsync(serviceId, cancellationToken), "ServiceShares.GetServiceSharesAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ServiceShareDto> CreateServiceShareAsync(string serviceId, CreateShareRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.CreateServiceShareAsync(serviceId, body, cancellationToken), "ServiceShares.CreateServiceShareAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ServiceShareDto> UpdateServiceShareAsync(string serviceId, string shareId, UpdateShareRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(shareId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.UpdateServiceShareAsync(serviceId, shareId, body, cancellationToken), "ServiceShares.UpdateServiceShareAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteServiceShareAsync(string serviceId, string shareId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(shareId);
        return _errors.RunAsync(() => _inner.DeleteServiceShareAsync(serviceId, shareId, cancellationToken), "ServiceShares.DeleteServiceShareAsync", cancellationToken);
    }
}
