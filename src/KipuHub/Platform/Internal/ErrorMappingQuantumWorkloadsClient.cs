using KipuHub.Generated.Platform;
using KipuHub.Internal;

namespace KipuHub.Platform.Internal;

/// <summary>
/// The facade's <c>QuantumWorkloads</c> namespace: forwards every call to the generated <see cref="QuantumWorkloadsClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path (and other required strings) are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingQuantumWorkloadsClient : IQuantumWorkloadsClient
{
    private readonly IQuantumWorkloadsClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingQuantumWorkloadsClient(IQuantumWorkloadsClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<PageQuantumWorkloadDto> ListQuantumWorkloadsAsync(int? page = null, int? size = null, IEnumerable<string>? sort = null, QuantumWorkloadType? type = null, string? backendId = null, string? organizationId = null, DateTimeOffset? createdAfter = null, DateTimeOffset? createdBefore = null, CancellationToken cancellationToken = default) =>
        _errors.RunAsync(() => _inner.ListQuantumWorkloadsAsync(page, size, sort, type, backendId, organizationId, createdAfter, createdBefore, cancellationToken), "QuantumWorkloads.ListQuantumWorkloadsAsync", cancellationToken);

    /// <inheritdoc />
    public Task<QuantumWorkloadDto> GetQuantumWorkloadAsync(string workloadId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workloadId);
        return _errors.RunAsync(() => _inner.GetQuantumWorkloadAsync(workloadId, cancellationToken), "QuantumWorkloads.GetQuantumWorkloadAsync", cancellationToken);
    }
}
