namespace KipuHub.Credentials;

/// <summary>The base class of the SDK's credentials; derive from it (or implement <see cref="IHubCredential"/>) to supply tokens your own way.</summary>
public abstract class HubCredential : IHubCredential
{
    /// <inheritdoc />
    public abstract ValueTask<string> GetTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates a credential that returns a fixed token.</summary>
    /// <param name="token">The token.</param>
    /// <returns>A <see cref="StaticCredential"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="token"/> is null, empty or white space.</exception>
    public static HubCredential FromToken(string token) => new StaticCredential(token);

    /// <summary>Creates a credential that asks <paramref name="tokenProvider"/> for the token on every request.</summary>
    /// <param name="tokenProvider">Returns the current token; it should cache and refresh it itself.</param>
    /// <returns>The credential.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tokenProvider"/> is null.</exception>
    public static HubCredential FromProvider(Func<CancellationToken, ValueTask<string>> tokenProvider) =>
        new Internal.DelegateCredential(tokenProvider);
}
