using System.Net.Http.Headers;
using KipuHub.Credentials;
using KipuHub.Http.Internal;

namespace KipuHub.Http;

/// <summary>Sends the credential's token as <c>Authorization: Bearer</c>, the header of the Service API gateway.</summary>
/// <remarks>
/// Everything else (host check, token on every attempt, redaction) is <see cref="CredentialHeaderHandler"/>'s; short-lived
/// gateway tokens are refreshed by whatever supplies them, for example <see cref="ClientCredentialsTokenProvider"/>.
/// </remarks>
internal sealed class BearerTokenHandler : CredentialHeaderHandler
{
    /// <summary>Creates the handler.</summary>
    /// <param name="credential">Supplies the token.</param>
    /// <param name="baseUrl">The service's gateway URL; only its scheme, host and port receive the token.</param>
    public BearerTokenHandler(IHubCredential credential, Uri baseUrl)
        : base(credential, baseUrl)
    {
    }

    /// <summary>Creates the handler over a token provider.</summary>
    /// <param name="tokenProvider">Returns the current token on every request; it should cache and refresh it.</param>
    /// <param name="baseUrl">The service's gateway URL; only its scheme, host and port receive the token.</param>
    public BearerTokenHandler(Func<CancellationToken, ValueTask<string>> tokenProvider, Uri baseUrl)
        : this(HubCredential.FromProvider(tokenProvider), baseUrl)
    {
    }

    /// <inheritdoc />
    private protected override void SetToken(HttpRequestMessage request, string token) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
}
