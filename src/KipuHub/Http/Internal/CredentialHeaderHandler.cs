using System.Net;
using KipuHub.Credentials;
using KipuHub.Credentials.Internal;
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

        if (_credential is IRefreshableCredential refreshable)
        {
            return SendRefreshingOnUnauthorizedAsync(request, refreshable, cancellationToken);
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

    /// <summary>
    /// Issue 12 #13, for a credential that mints tokens (<see cref="ClientCredentialsTokenProvider"/>): a 401 means the
    /// token was revoked or expired early, so it is dropped, a new one fetched and the request sent once more; a second
    /// 401 goes back to the caller (an <see cref="UnauthorizedException"/> through the facade).
    /// </summary>
    /// <remarks>
    /// Replaying is safe for every method, POST included: a 401 is the gateway refusing the request before it reaches
    /// the service, so nothing was processed. Only a request without a body or with a buffered one
    /// (<see cref="ByteArrayContent"/>, which <c>StringContent</c> and the generated clients' JSON bodies are) can be
    /// sent again; a streamed body was consumed by the first attempt, so that 401 is returned, with the token still
    /// dropped so the caller's next request gets a fresh one.
    /// </remarks>
    private async Task<HttpResponseMessage> SendRefreshingOnUnauthorizedAsync(HttpRequestMessage request, IRefreshableCredential credential, CancellationToken cancellationToken)
    {
        var token = await AuthToken.GetAsync(_credential, Redactor, cancellationToken).ConfigureAwait(false);
        SetToken(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        credential.Invalidate(token);
        if (request.Content is not (null or ByteArrayContent))
        {
            return response;
        }

        response.Dispose();
        SetToken(request, await AuthToken.GetAsync(_credential, Redactor, cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
