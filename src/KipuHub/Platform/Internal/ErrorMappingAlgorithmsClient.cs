using KipuHub.Generated.Platform;
using KipuHub.Internal;

namespace KipuHub.Platform.Internal;

/// <summary>
/// The facade's <c>Algorithms</c> namespace: forwards every call to the generated <see cref="AlgorithmsClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path (and other required strings) are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingAlgorithmsClient : IAlgorithmsClient
{
    private readonly IAlgorithmsClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingAlgorithmsClient(IAlgorithmsClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<PageAlgorithmDto> ListAlgorithmsAsync(int? page = null, int? size = null, IEnumerable<string>? sort = null, string? search = null, CancellationToken cancellationToken = default) =>
        _errors.RunAsync(() => _inner.ListAlgorithmsAsync(page, size, sort, search, cancellationToken), "Algorithms.ListAlgorithmsAsync", cancellationToken);

    /// <inheritdoc />
    public Task<AlgorithmDto> CreateAlgorithmAsync(CreateAlgorithmRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.CreateAlgorithmAsync(body, cancellationToken), "Algorithms.CreateAlgorithmAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<AlgorithmDto> GetAlgorithmAsync(string algorithmId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(algorithmId);
        return _errors.RunAsync(() => _inner.GetAlgorithmAsync(algorithmId, cancellationToken), "Algorithms.GetAlgorithmAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<AlgorithmDto> UpdateAlgorithmAsync(string algorithmId, UpdateAlgorithmRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(algorithmId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.UpdateAlgorithmAsync(algorithmId, body, cancellationToken), "Algorithms.UpdateAlgorithmAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteAlgorithmAsync(string algorithmId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(algorithmId);
        return _errors.RunAsync(() => _inner.DeleteAlgorithmAsync(algorithmId, cancellationToken), "Algorithms.DeleteAlgorithmAsync", cancellationToken);
    }
}
