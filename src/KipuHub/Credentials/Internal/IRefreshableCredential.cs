namespace KipuHub.Credentials.Internal;

/// <summary>
/// A credential that caches tokens it mints and can drop one the server refused, so the next
/// <see cref="IHubCredential.GetTokenAsync"/> mints a new one (<see cref="ClientCredentialsTokenProvider"/>).
/// </summary>
/// <remarks>Used by <c>CredentialHeaderHandler</c> when the API answers 401: refresh once, replay once.</remarks>
internal interface IRefreshableCredential
{
    /// <summary>Forgets <paramref name="token"/> if it is still the cached one; a token already replaced is left alone, so concurrent 401s share one refresh.</summary>
    /// <param name="token">The token the server refused, as it was sent.</param>
    void Invalidate(string token);
}
