using KipuHub.Credentials;
using KipuHub.Http.Internal;

namespace KipuHub.Http;

/// <summary>Sends the credential's token as <c>X-Auth-Token</c>, the header of the Quantum and Platform APIs.</summary>
/// <remarks>Everything else (host check, token on every attempt, redaction) is <see cref="CredentialHeaderHandler"/>'s.</remarks>
internal sealed class ApiKeyAuthHandler : CredentialHeaderHandler
{
    /// <summary>The header name, <c>X-Auth-Token</c>.</summary>
    public const string HeaderName = "X-Auth-Token";

    /// <summary>Creates the handler.</summary>
    /// <param name="credential">Supplies the token.</param>
    /// <param name="baseUrl">The API's base URL; only its scheme, host and port receive the token.</param>
    public ApiKeyAuthHandler(IHubCredential credential, Uri baseUrl)
        : base(credential, baseUrl)
    {
    }

    /// <inheritdoc />
    private protected override void SetToken(HttpRequestMessage request, string token)
    {
        request.Headers.Remove(HeaderName);
        request.Headers.TryAddWithoutValidation(HeaderName, token);
    }
}
