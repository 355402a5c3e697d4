using KipuHub.Generated.Platform;

namespace KipuHub;

/// <summary>
/// The Platform (catalog) API: the 22 namespaces of the official SDKs' <c>HubPlatformClient</c>, from
/// <see cref="Algorithms"/> to <see cref="WorkflowServices"/>. Mock this interface (and the namespace interfaces it
/// returns) to test code that uses <see cref="HubPlatformClient"/>.
/// </summary>
/// <remarks>
/// Paged lists are also available as <see cref="Paging.AsyncPageable{T}"/> through <see cref="PlatformPaging"/>;
/// data pool files stream with progress through <see cref="DataPoolFileTransfer"/>.
/// </remarks>
public partial interface IHubPlatformClient
{
    /// <summary>Gets the base URL requests go to (ends with '/').</summary>
    Uri BaseUrl { get; }

    /// <summary>Gets the organization every request is scoped to (<c>X-OrganizationId</c>), or <see langword="null"/> for the personal account.</summary>
    string? OrganizationId { get; }

    /// <summary>
    /// Sends a request through this client's pipeline (base URL, auth, organization, headers, retries, timeout,
    /// logging), for an endpoint without a typed method; the counterpart of TypeScript's <c>client.fetch</c>.
    /// </summary>
    /// <param name="request">The request; a relative URI (<c>"users/me"</c>) resolves against <see cref="BaseUrl"/>.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The response, whatever its status (check it yourself); its body is not buffered. Dispose it.</returns>
    /// <exception cref="HubTimeoutException">No response arrived within the timeout (after retries, for idempotent methods).</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a request through this client's pipeline with per-request <paramref name="options"/> (organization,
    /// timeout, retries, headers) laid over the open <see cref="HubRequestContext"/> scope, if any.
    /// </summary>
    /// <param name="request">The request; a relative URI resolves against <see cref="BaseUrl"/>.</param>
    /// <param name="options">The overrides for this request; checked now (see <see cref="HubRequestContext.Begin"/>).</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The response, whatever its status (check it yourself); its body is not buffered. Dispose it.</returns>
    /// <exception cref="ArgumentException">An option cannot be sent; nothing is sent.</exception>
    /// <exception cref="HubTimeoutException">No response arrived within the timeout (after retries, for idempotent methods).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HubRequestOptions options, CancellationToken cancellationToken = default);
}
