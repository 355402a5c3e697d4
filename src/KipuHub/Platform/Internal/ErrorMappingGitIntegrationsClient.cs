using KipuHub.Generated.Platform;
using KipuHub.Internal;

namespace KipuHub.Platform.Internal;

/// <summary>
/// The facade's <c>GitIntegrations</c> namespace: forwards every call to the generated <see cref="GitIntegrationsClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path (and other required strings) are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingGitIntegrationsClient : IGitIntegrationsClient
{
    private readonly IGitIntegrationsClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingGitIntegrationsClient(IGitIntegrationsClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<ICollection<GitIntegrationDto>> GetGitIntegrationsAsync(CancellationToken cancellationToken = default) =>
        _errors.RunAsync(() => _inner.GetGitIntegrationsAsync(cancellationToken), "GitIntegrations.GetGitIntegrationsAsync", cancellationToken);

    /// <inheritdoc />
    public Task<GitIntegrationDto> CreateGitIntegrationAsync(CreateGitIntegrationRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.CreateGitIntegrationAsync(body, cancellationToken), "GitIntegrations.CreateGitIntegrationAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<GitIntegrationDto> GetGitIntegrationAsync(string gitIntegrationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gitIntegrationId);
        return _errors.RunAsync(() => _inner.GetGitIntegrationAsync(gitIntegrationId, cancellationToken), "GitIntegrations.GetGitIntegrationAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<GitIntegrationDto> UpdateGitIntegrationAsync(string gitIntegrationId, UpdateGitIntegrationRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gitIntegrationId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.UpdateGitIntegrationAsync(gitIntegrationId, body, cancellationToken), "GitIntegrations.UpdateGitIntegrationAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteGitIntegrationAsync(string gitIntegrationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gitIntegrationId);
        return _errors.RunAsync(() => _inner.DeleteGitIntegrationAsync(gitIntegrationId, cancellationToken), "GitIntegrations.DeleteGitIntegrationAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ICollection<GitRepositoryDto>> GetGitRepositoriesAsync(string gitIntegrationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gitIntegrationId);
        return _errors.RunAsync(() => _inner.GetGitRepositoriesAsync(gitIntegrationId, cancellationToken), "GitIntegrations.GetGitRepositoriesAsync", cancellationToken);
    }
}
