using KipuHub.Generated.Platform;
using KipuHub.Internal;

namespace KipuHub.Platform.Internal;

/// <summary>
/// The facade's <c>Authentication</c> namespace: forwards every call to the generated <see cref="AuthenticationClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path (and other required strings) are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingAuthenticationClient : IAuthenticationClient
{
    private readonly IAuthenticationClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingAuthenticationClient(IAuthenticationClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<AuthPrincipalDto> AuthorizeAsync(CancellationToken cancellationToken = default) =>
        _errors.RunAsync(() => _inner.AuthorizeAsync(cancellationToken), "Authentication.AuthorizeAsync", cancellationToken);

    /// <inheritdoc />
    public Task<ICollection<AccessTokenDto>> GetPersonalAccessTokensAsync(CancellationToken cancellationToken = default) =>
        _errors.RunAsync(() => _inner.GetPersonalAccessTokensAsync(cancellationToken), "Authentication.GetPersonalAccessTokensAsync", cancellationToken);

    /// <inheritdoc />
    public Task<AccessTokenDto> CreatePersonalAccessTokenAsync(CreateAccessTokenRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.CreatePersonalAccessTokenAsync(body, cancellationToken), "Authentication.CreatePersonalAccessTokenAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task DeletePersonalAccessTokenAsync(string accessTokenId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessTokenId);
        return _errors.RunAsync(() => _inner.DeletePersonalAccessTokenAsync(accessTokenId, cancellationToken), "Authentication.DeletePersonalAccessTokenAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ApplicationCredentialsDto> GetApplicationCredentialsAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        return _errors.RunAsync(() => _inner.GetApplicationCredentialsAsync(applicationId, cancellationToken), "Authentication.GetApplicationCredentialsAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ApplicationCredentialsDto> RegenerateApplicationCredentialsAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        return _errors.RunAsync(() => _inner.RegenerateApplicationCredentialsAsync(applicationId, cancellationToken), "Authentication.RegenerateApplicationCredentialsAsync", cancellationToken);
    }
}
