using KipuHub.Generated.Platform;
using KipuHub.Internal;

namespace KipuHub.Platform.Internal;

/// <summary>
/// The facade's <c>DataPoolShares</c> namespace: forwards every call to the generated <see cref="DataPoolSharesClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path (and other required strings) are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingDataPoolSharesClient : IDataPoolSharesClient
{
    private readonly IDataPoolSharesClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingDataPoolSharesClient(IDataPoolSharesClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<ICollection<DataPoolShareDto>> GetDataPoolSharesAsync(string dataPoolId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPoolId);
        return _errors.RunAsync(() => _inner.GetDataPoolSharesAsync(dataPoolId, cancellationToken), "DataPoolShares.GetDataPoolSharesAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<DataPoolShareDto> CreateDataPoolShareAsync(string dataPoolId, CreateShareRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPoolId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.CreateDataPoolShareAsync(dataPoolId, body, cancellationToken), "DataPoolShares.CreateDataPoolShareAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<DataPoolShareDto> UpdateDataPoolShareAsync(string dataPoolId, string shareId, UpdateShareRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPoolId);
        ArgumentException.ThrowIfNullOrWhiteSpace(shareId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.UpdateDataPoolShareAsync(dataPoolId, shareId, body, cancellationToken), "DataPoolShares.UpdateDataPoolShareAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteDataPoolShareAsync(string dataPoolId, string shareId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPoolId);
        ArgumentException.ThrowIfNullOrWhiteSpace(shareId);
        return _errors.RunAsync(() => _inner.DeleteDataPoolShareAsync(dataPoolId, shareId, cancellationToken), "DataPoolShares.DeleteDataPoolShareAsync", cancellationToken);
    }
}
