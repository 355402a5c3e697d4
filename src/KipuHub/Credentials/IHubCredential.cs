namespace KipuHub.Credentials;

/// <summary>Supplies the token a client sends: <c>X-Auth-Token</c> for the Quantum and Platform APIs, <c>Authorization: Bearer</c> for the Service API.</summary>
/// <remarks>
/// The clients ask for the token on every request, so an implementation that refreshes or rotates tokens is picked
/// up without recreating the client. Implementations should cache: this is on the hot path.
/// </remarks>
public interface IHubCredential
{
    /// <summary>Gets the token to send.</summary>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The token; never empty.</returns>
    /// <exception cref="CredentialUnavailableException">No token is available from this source.</exception>
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken = default);
}
