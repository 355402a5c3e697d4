using KipuHub.Credentials;
using KipuHub.Internal;

namespace KipuHub.Http.Internal;

/// <summary>
/// The one place a request gets its token: asks the credential on every attempt and writes the token into the API's
/// header (<c>X-Auth-Token</c> or <c>Authorization: Bearer</c>), only for the configured scheme, host and port.
/// </summary>
/// <remarks>
/// Sits innermost in the pipeline (see <see cref="HubPipelineRecipe"/>), so every attempt and every redirect hop gets
/// a current token, and a hop to another host gets none. Every token sent is remembered by the client's
/// <see cref="TokenRedactor"/>, so an error quoting it is scrubbed.
/// </remarks>
internal abstract class CredentialHeaderHandler : DelegatingHandler
{
    private readonly IHubCredential _credential;
    private readonly TrustedAuthority _authority;

    /// <summary>Creates the handler.</summary>
    /// <param name="credential">Supplies the token.</param>
    /// <param name="baseUrl">The API's base URL; only its scheme, host and port receive the token.</param>
    /// <exception cref="ArgumentNullException"><paramref name="credential"/> or <paramref name="baseUrl"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="baseUrl"/> is not an absolute http(s) URL.</exception>
    private protected CredentialHeaderHandler(IHubCredential credential, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(credential);
        _credential = credential;
        _authority = new TrustedAuthority(BaseUrls.RequireAbsolute(baseUrl, nameof(baseUrl)));
    }

    /// <summary>Gets or sets where sent tokens are remembered so errors quoting them can be scrubbed.</summary>
    internal TokenRedactor? Redactor { get; init; }

    /// <inheritdoc />
    protected sealed override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_authority.Matches(request.RequestUri))
        {
            return base.SendAsync(request, cancellationToken);
        }

        // Most credentials (a static token, a cached one) answer synchronously: then no async state machine is needed.
        var token = AuthToken.GetAsync(_credential, Redactor, cancellationToken);
        if (token.IsCompletedSuccessfully)
        {
            SetToken(request, token.Result);
            return base.SendAsync(request, cancellationToken);
        }

        return SendWhenTokenArrivesAsync(request, token, cancellationToken);
    }

    /// <summary>Writes <paramref name="token"/> into the API's header, replacing any value already there.</summary>
    private protected abstract void SetToken(HttpRequestMessage request, string token);

    private async Task<HttpResponseMessage> SendWhenTokenArrivesAsync(HttpRequestMessage request, ValueTask<string> token, CancellationToken cancellationToken)
    {
        SetToken(request, await token.ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
