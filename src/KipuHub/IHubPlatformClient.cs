namespace KipuHub;

/// <summary>
/// The Platform (catalog) API. Its typed namespaces (<c>Services</c>, <c>Users</c>, <c>DataPools</c>, ...) arrive with
/// the Platform spec; until then every endpoint is reachable through <see cref="SendAsync"/>.
/// </summary>
public interface IHubPlatformClient
{
    /// <summary>Gets the base URL requests go to (ends with '/').</summary>
    Uri BaseUrl { get; }

    /// <summary>Gets the organization every request is scoped to (<c>X-OrganizationId</c>), or <see langword="null"/>.</summary>
    string? OrganizationId { get; }

    /// <summary>
    /// Sends a request through this client's pipeline (base URL, auth, organization, headers, retries, timeout,
    /// logging); the counterpart of TypeScript's <c>client.fetch</c>.
    /// </summary>
    /// <param name="request">The request; a relative URI (<c>"users/me"</c>) resolves against <see cref="BaseUrl"/>.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The response, whatever its status (check it yourself); its body is not buffered. Dispose it.</returns>
    /// <exception cref="HubTimeoutException">No response arrived within the timeout (after retries, for idempotent methods).</exception>
    Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default);
}
