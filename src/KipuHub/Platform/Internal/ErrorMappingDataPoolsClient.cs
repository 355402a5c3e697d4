using KipuHub.Generated.Platform;
using KipuHub.Internal;

namespace KipuHub.Platform.Internal;

/// <summary>
/// The facade's <c>DataPools</c> namespace: forwards every call to the generated <see cref="DataPoolsClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path (and other required strings) are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingDataPoolsClient : IDataPoolsClient
{
    private readonly IDataPoolsClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingDataPoolsClient(IDataPoolsClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<ICollection<DataPoolDto>> GetDataPoolsAsync(CancellationToken cancellationToken = default) =>
        _errors.RunAsync(() => _inner.GetDataPoolsAsync(cancellationToken), "DataPools.GetDataPoolsAsync", cancellationToken);

    /// <inheritdoc />
    public Task<DataPoolDto> CreateDataPoolAsync(CreateDataPoolRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.CreateDataPoolAsync(body, cancellationToken), "DataPools.CreateDataPoolAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<DataPoolDto> GetDataPoolAsync(string dataPoolId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPoolId);
        return _errors.RunAsync(() => _inner.GetDataPoolAsync(dataPoolId, cancellationToken), "DataPools.GetDataPoolAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<DataPoolDto> UpdateDataPoolAsync(string dataPoolId, UpdateDataPoolRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPoolId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.UpdateDataPoolAsync(dataPoolId, body, cancellationToken), "DataPools.UpdateDataPoolAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteDataPoolAsync(string dataPoolId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPoolId);
        return _errors.RunAsync(() => _inner.DeleteDataPoolAsync(dataPoolId, cancellationToken), "DataPools.DeleteDataPoolAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ICollection<DataPoolFileDto>> GetDataPoolFilesAsync(string dataPoolId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPoolId);
        return _errors.RunAsync(() => _inner.GetDataPoolFilesAsync(dataPoolId, cancellationToken), "DataPools.GetDataPoolFilesAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<DataPoolFileDto> AddDataPoolFileAsync(string dataPoolId, string? filename = null, FileParameter file = null!, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPoolId);
        return _errors.RunAsync(() => _inner.AddDataPoolFileAsync(dataPoolId, filename, file, cancellationToken), "DataPools.AddDataPoolFileAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<FileResponse> GetDataPoolFileAsync(string dataPoolId, string fileId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPoolId);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileId);
        return _errors.RunAsync(() => _inner.GetDataPoolFileAsync(dataPoolId, fileId, cancellationToken), "DataPools.GetDataPoolFileAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteDataPoolFileAsync(string dataPoolId, string fileId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPoolId);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileId);
        return _errors.RunAsync(() => _inner.DeleteDataPoolFileAsync(dataPoolId, fileId, cancellationToken), "DataPools.DeleteDataPoolFileAsync", cancellationToken);
    }
}
