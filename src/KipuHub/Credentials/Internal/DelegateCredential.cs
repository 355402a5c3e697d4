namespace KipuHub.Credentials.Internal;

/// <summary>Adapts a token-provider delegate (the Service client's <c>TokenProvider</c> option) to <see cref="IHubCredential"/>.</summary>
internal sealed class DelegateCredential : HubCredential
{
    private readonly Func<CancellationToken, ValueTask<string>> _provider;

    /// <summary>Wraps <paramref name="provider"/>.</summary>
    public DelegateCredential(Func<CancellationToken, ValueTask<string>> provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _provider = provider;
    }

    /// <inheritdoc />
    public override async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var token = await _provider(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new CredentialUnavailableException(
                "The token provider returned an empty token. Make it return the current token (and refresh it before it expires).",
                ["the token provider passed as TokenProvider"]);
        }

        return token.Trim();
    }
}
