using KipuHub.Generated.Quantum;
using KipuHub.Internal;

namespace KipuHub.Quantum.Internal;

/// <summary>
/// The facade's <c>Backends</c> namespace: forwards every call to the generated <see cref="BackendsClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingBackendsClient : IBackendsClient
{
    private readonly IBackendsClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingBackendsClient(IBackendsClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<ICollection<Backend>> GetBackendsAsync(BackendProvider? provider = null, bool? onlyPlanqkSdk = null, CancellationToken cancellationToken = default) =>
        _errors.RunAsync(_inner.GetBackendsAsync(provider, onlyPlanqkSdk, cancellationToken), "Backends.GetBackendsAsync", cancellationToken);

    /// <inheritdoc />
    public Task<Backend> GetBackendAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _errors.RunAsync(_inner.GetBackendAsync(id, cancellationToken), "Backends.GetBackendAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<BackendStateInfo> GetBackendStatusAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _errors.RunAsync(_inner.GetBackendStatusAsync(id, cancellationToken), "Backends.GetBackendStatusAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<object> GetBackendConfigAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _errors.RunAsync(_inner.GetBackendConfigAsync(id, cancellationToken), "Backends.GetBackendConfigAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<CalibrationResponse> GetBackendCalibrationAsync(string id, DateTimeOffset? effectiveAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _errors.RunAsync(_inner.GetBackendCalibrationAsync(id, effectiveAt, cancellationToken), "Backends.GetBackendCalibrationAsync", cancellationToken);
    }
}
