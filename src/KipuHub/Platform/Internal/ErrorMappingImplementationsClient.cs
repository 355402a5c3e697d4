using KipuHub.Generated.Platform;
using KipuHub.Internal;

namespace KipuHub.Platform.Internal;

/// <summary>
/// The facade's <c>Implementations</c> namespace: forwards every call to the generated <see cref="ImplementationsClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path (and other required strings) are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingImplementationsClient : IImplementationsClient
{
    private readonly IImplementationsClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingImplementationsClient(IImplementationsClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<PageImplementationDto> ListImplementationsAsync(int? page = null, int? size = null, IEnumerable<string>? sort = null, string? search = null, CancellationToken cancellationToken = default) =>
        _errors.RunAsync(() => _inner.ListImplementationsAsync(page, size, sort, search, cancellationToken), "Implementations.ListImplementationsAsync", cancellationToken);

    /// <inheritdoc />
    public Task<ImplementationDto> CreateImplementationAsync(CreateImplementationRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.CreateImplementationAsync(body, cancellationToken), "Implementations.CreateImplementationAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImplementationDto> GetImplementationAsync(string implementationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(implementationId);
        return _errors.RunAsync(() => _inner.GetImplementationAsync(implementationId, cancellationToken), "Implementations.GetImplementationAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImplementationDto> UpdateImplementationAsync(string implementationId, UpdateImplementationRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(implementationId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.UpdateImplementationAsync(implementationId, body, cancellationToken), "Implementations.UpdateImplementationAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteImplementationAsync(string implementationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(implementationId);
        return _errors.RunAsync(() => _inner.DeleteImplementationAsync(implementationId, cancellationToken), "Implementations.DeleteImplementationAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<PageImplementationDto> ListAlgorithmImplementationsAsync(string algorithmId, int? page = null, int? size = null, IEnumerable<string>? sort = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(algorithmId);
        return _errors.RunAsync(() => _inner.ListAlgorithmImplementationsAsync(algorithmId, page, size, sort, cancellationToken), "Implementations.ListAlgorithmImplementationsAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<PageImplementationFileDto> ListImplementationFilesAsync(string algorithmId, string implementationId, int? page = null, int? size = null, IEnumerable<string>? sort = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(algorithmId);
        ArgumentException.ThrowIfNullOrWhiteSpace(implementationId);
        return _errors.RunAsync(() => _inner.ListImplementationFilesAsync(algorithmId, implementationId, page, size, sort, cancellationToken), "Implementations.ListImplementationFilesAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<FileResponse> GetImplementationFileContentAsync(string algorithmId, string implementationId, string fileId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(algorithmId);
        ArgumentException.ThrowIfNullOrWhiteSpace(implementationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileId);
        return _errors.RunAsync(() => _inner.GetImplementationFileContentAsync(algorithmId, implementationId, fileId, cancellationToken), "Implementations.GetImplementationFileContentAsync", cancellationToken);
    }
}
