using KipuHub.Generated.Quantum;

namespace KipuHub;

/// <summary>
/// The Quantum API: backends, sessions, jobs and workloads. Mock this interface (and the namespace interfaces it
/// returns) to test code that uses <see cref="HubQuantumClient"/>.
/// </summary>
public interface IHubQuantumClient
{
    /// <summary>Gets the base URL requests go to (ends with '/').</summary>
    Uri BaseUrl { get; }

    /// <summary>Gets the organization every request is scoped to (<c>X-OrganizationId</c>), or <see langword="null"/>.</summary>
    string? OrganizationId { get; }

    /// <summary>Gets the <c>backends</c> namespace: discover backends and read their status, configuration and calibration.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="Credentials.CredentialUnavailableException"/>.</remarks>
    IBackendsClient Backends { get; }

    /// <summary>Gets the <c>sessions</c> namespace: open, inspect and close sessions.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="Credentials.CredentialUnavailableException"/>.</remarks>
    ISessionsClient Sessions { get; }

    /// <summary>Gets the <c>jobs</c> namespace: submit, monitor, retrieve and cancel jobs, including the service-execution-scoped family.</summary>
    /// <remarks>
    /// Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or
    /// <see cref="Credentials.CredentialUnavailableException"/>. <c>CreateJobAsync</c> is never retried automatically.
    /// </remarks>
    IJobsClient Jobs { get; }

    /// <summary>Gets the <c>workloads</c> namespace: jobs and sessions as one paginated list.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="Credentials.CredentialUnavailableException"/>.</remarks>
    IWorkloadsClient Workloads { get; }

    /// <summary>
    /// Sends a request through this client's pipeline (base URL, auth, organization, headers, retries, timeout,
    /// logging), for an endpoint without a typed method yet; the counterpart of TypeScript's <c>client.fetch</c>.
    /// </summary>
    /// <param name="request">The request; a relative URI (<c>"jobs/42"</c> or <c>"/jobs/42"</c>) resolves against <see cref="BaseUrl"/>.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The response, whatever its status (check it yourself); its body is not buffered. Dispose it.</returns>
    /// <exception cref="HubTimeoutException">No response arrived within the timeout (after retries, for idempotent methods).</exception>
    Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default);
}
