using KipuHub.Generated.Platform;
using KipuHub.Internal;

namespace KipuHub.Platform.Internal;

/// <summary>
/// The facade's <c>UseCases</c> namespace: forwards every call to the generated <see cref="UseCasesClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path (and other required strings) are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingUseCasesClient : IUseCasesClient
{
    private readonly IUseCasesClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingUseCasesClient(IUseCasesClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<PageUseCaseDto> ListUseCasesAsync(int? page = null, int? size = null, IEnumerable<string>? sort = null, string? title = null, CancellationToken cancellationToken = default) =>
        _errors.RunAsync(() => _inner.ListUseCasesAsync(page, size, sort, title, cancellationToken), "UseCases.ListUseCasesAsync", cancellationToken);

    /// <inheritdoc />
    public Task<UseCaseDto> CreateUseCaseAsync(CreateUseCaseRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.CreateUseCaseAsync(body, cancellationToken), "UseCases.CreateUseCaseAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<UseCaseDto> GetUseCaseAsync(string useCaseId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(useCaseId);
        return _errors.RunAsync(() => _inner.GetUseCaseAsync(useCaseId, cancellationToken), "UseCases.GetUseCaseAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<UseCaseDto> UpdateUseCaseAsync(string useCaseId, UpdateUseCaseRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(useCaseId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.UpdateUseCaseAsync(useCaseId, body, cancellationToken), "UseCases.UpdateUseCaseAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteUseCaseAsync(string useCaseId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(useCaseId);
        return _errors.RunAsync(() => _inner.DeleteUseCaseAsync(useCaseId, cancellationToken), "UseCases.DeleteUseCaseAsync", cancellationToken);
    }
}
