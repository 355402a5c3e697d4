using KipuHub.Credentials;
using KipuHub.Http.Internal;
using KipuHub.Internal;

namespace KipuHub.Http;

/// <summary>
/// Sends the token of a credential as <c>X-Auth-Token</c>, the header of the Quantum and Platform APIs, on every
/// request to the configured host.
/// </summary>
/// <remarks>
/// <para>
/// The token goes only to the scheme, host and port of <c>baseUrl</c>: a request (or a redirect hop) to any other
/// host is sent without it. The credential is asked on every request, so a rotated token is picked up.
/// </para>
/// <para>Use it with the raw generated clients too: <c>HubHttpPipeline.CreateQuantumHttpClient</c> puts it in place.</para>
/// </remarks>
public sealed class ApiKeyAuthHandler : DelegatingHandler
{
    /// <summary>The header name, <c>X-Auth-Token</c>.</summary>
    public const string HeaderName = "X-Auth-Token";

    private readonly IHubCredential _credential;
    private readonly Uri _baseUrl;

    /// <summary>Creates the handler.</summary>
    /// <param name="credential">Supplies the token.</param>
    /// <param name="baseUrl">The API's base URL; only its scheme, host and port receive the token.</param>
    /// <exception cref="ArgumentNullException"><paramref name="credential"/> or <paramref name="baseUrl"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="baseUrl"/> is not an absolute http(s) URL.</exception>
    public ApiKeyAuthHandler(IHubCredential credential, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(credential);
        _credential = credential;
        _baseUrl = TrustedAuthority.RequireAbsolute(baseUrl, nameof(baseUrl));
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

        // Most credentials (a static token, a cached one) answer synchronously: then no async state machine is needed.
        var token = AuthToken.GetAsync(_credential, Redactor, cancellationToken);
        if (token.IsCompletedSuccessfully)
        {
            SetToken(request, token.Result);
            return base.SendAsync(request, cancellationToken);
        }

        return SendWhenTokenArrivesAsync(request, token, cancellationToken);
    }

    private static void SetToken(HttpRequestMessage request, string token)
    {
        request.Headers.Remove(HeaderName);
        request.Headers.TryAddWithoutValidation(HeaderName, token);
    }

    private async Task<HttpResponseMessage> SendWhenTokenArrivesAsync(HttpRequestMessage request, ValueTask<string> token, CancellationToken cancellationToken)
    {
        SetToken(request, await token.ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
