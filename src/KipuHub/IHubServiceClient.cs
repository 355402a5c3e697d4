using KipuHub.Generated.Service;

namespace KipuHub;

/// <summary>
/// The Service API of one deployed service, through the gateway. Mock this interface (and <see cref="IServiceApiClient"/>)
/// to test code that uses <see cref="HubServiceClient"/>.
/// </summary>
public interface IHubServiceClient
{
    /// <summary>Gets the service's gateway URL requests go to (ends with '/').</summary>
    Uri BaseUrl { get; }

    /// <summary>Gets the <c>service_api</c> namespace: start executions, read their status, results and logs, cancel them.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="Credentials.CredentialUnavailableException"/>. <c>StartExecutionAsync</c> is never retried automatically.</remarks>
    IServiceApiClient ServiceApi { get; }

    /// <summary>
    /// Sends a request through this client's pipeline (base URL, bearer token, headers, retries, timeout, logging),
    /// for an endpoint without a typed method yet; the counterpart of TypeScript's <c>client.fetch</c>.
    /// </summary>
    /// <param name="request">The request; a relative URI resolves against <see cref="BaseUrl"/>.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The response, whatever its status (check it yourself); its body is not buffered. Dispose it.</returns>
    /// <exception cref="HubTimeoutException">No response arrived within the timeout (after retries, for idempotent methods).</exception>
    Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default);
}
