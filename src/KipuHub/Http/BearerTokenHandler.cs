using System.Net.Http.Headers;
using KipuHub.Credentials;
using KipuHub.Http.Internal;
using KipuHub.Internal;

namespace KipuHub.Http;

/// <summary>
/// Sends <c>Authorization: Bearer &lt;token&gt;</c>, the header of the Service API gateway, on every request to the
/// configured host.
/// </summary>
/// <remarks>
/// The token goes only to the scheme, host and port of <c>baseUrl</c>. The credential (or token provider) is asked on
/// every request, so short-lived gateway tokens are refreshed by whatever supplies them, for example
/// <see cref="ClientCredentialsTokenProvider"/>.
/// </remarks>
public sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly IHubCredential _credential;
    private readonly Uri _baseUrl;

    /// <summary>Creates the handler.</summary>
    /// <param name="credential">Supplies the token.</param>
    /// <param name="baseUrl">The service's gateway URL; only its scheme, host and port receive the token.</param>
    /// <exception cref="ArgumentNullException"><paramref name="credential"/> or <paramref name="baseUrl"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="baseUrl"/> is not an absolute http(s) URL.</exception>
    public BearerTokenHandler(IHubCredential credential, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(credential);
        _credential = credential;
        _baseUrl = TrustedAuthority.RequireAbsolute(baseUrl, nameof(baseUrl));
    }

    /// <summary>Creates the handler over a token provider.</summary>
    /// <param name="tokenProvider">Returns the current token on every request; it should cache and refresh it.</param>
    /// <param name="baseUrl">The service's gateway URL; only its scheme, host and port receive the token.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tokenProvider"/> or <paramref name="baseUrl"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="baseUrl"/> is not an absolute http(s) URL.</exception>
    public BearerTokenHandler(Func<CancellationToken, ValueTask<string>> tokenProvider, Uri baseUrl)
        : this(HubCredential.FromProvider(tokenProvider), baseUrl)
    {
    }

    /// <summary>Gets or sets where sent tokens are remembered so errors quoting them can be scrubbed.</summary>
    internal TokenRedactor? Redactor { get; init; }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!TrustedAuthority.Matches(_baseUrl, request.RequestUri))
        {
            return base.SendAsync(request, cancellationToken);
        }

        // A cached gateway token arrives synchronously: then no async state machine is needed.
        var token = AuthToken.GetAsync(_credential, Redactor, cancellationToken);
        if (token.IsCompletedSuccessfully)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Result);
            return base.SendAsync(request, cancellationToken);
        }

        return SendWhenTokenArrivesAsync(request, token, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWhenTokenArrivesAsync(HttpRequestMessage request, ValueTask<string> token, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token.ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
