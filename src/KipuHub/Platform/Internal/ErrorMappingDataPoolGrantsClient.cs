using KipuHub.Generated.Platform;
using KipuHub.Internal;

namespace KipuHub.Platform.Internal;

/// <summary>
/// The facade's <c>DataPoolGrants</c> namespace: forwards every call to the generated <see cref="DataPoolGrantsClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path (and other required strings) are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingDataPoolGrantsClient : IDataPoolGrantsClient
{
    private readonly IDataPoolGrantsClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingDataPoolGrantsClient(IDataPoolGrantsClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<ICollection<DataPoolGrantDto>> GetDataPoolGrantsAsync(string dataPoolId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPoolId);
        return _errors.RunAsync(() => _inner.GetDataPoolGrantsAsync(dataPoolId, cancellationToken), "DataPoolGrants.GetDataPoolGrantsAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<DataPoolGrantDto> CreateDataPoolGrantAsync(string dataPoolId, CreateDataPoolGrantRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPoolId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.CreateDataPoolGrantAsync(dataPoolId, body, cancellationToken), "DataPoolGrants.CreateDataPoolGrantAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<DataPoolGrantDto> GetDataPoolGrantAsync(string dataPoolId, string grantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPoolId);
        ArgumentException.ThrowIfNullOrWhiteSpace(grantId);
        return _errors.RunAsync(() => _inner.GetDataPoolGrantAsync(dataPoolId, grantId, cancellationToken), "DataPoolGrants.GetDataPoolGrantAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteDataPoolGrantAsync(string dataPoolId, string grantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPoolId);
        ArgumentException.ThrowIfNullOrWhiteSpace(grantId);
        return _errors.RunAsync(() => _inner.DeleteDataPoolGrantAsync(dataPoolId, grantId, cancellationToken), "DataPoolGrants.DeleteDataPoolGrantAsync", cancellationToken);
    }
}
