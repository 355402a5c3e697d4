using KipuHub.Generated.Platform;

namespace KipuHub;

/// <summary>
/// The Platform (catalog) API: the 22 namespaces of the official SDKs' <c>HubPlatformClient</c>, from
/// <see cref="Algorithms"/> to <see cref="WorkflowServices"/>. Mock this interface (and the namespace interfaces it
/// returns) to test code that uses <see cref="HubPlatformClient"/>.
/// </summary>
/// <remarks>
/// Paged lists are also available as <see cref="Paging.AsyncPageable{T}"/> through <see cref="Paging.PlatformPaging"/>;
/// data pool files stream with progress through <see cref="Streaming.DataPoolFileTransfer"/>.
/// </remarks>
public interface IHubPlatformClient
{
    /// <summary>Gets the base URL requests go to (ends with '/').</summary>
    Uri BaseUrl { get; }

    /// <summary>Gets the organization every request is scoped to (<c>X-OrganizationId</c>), or <see langword="null"/> for the personal account.</summary>
    string? OrganizationId { get; }

    /// <summary>Gets the <c>algorithms</c> namespace: algorithms in the catalog (list, paged and searchable; create, update, delete).</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="KipuHub.CredentialUnavailableException"/>.</remarks>
    IAlgorithmsClient Algorithms { get; }

    /// <summary>Gets the <c>applications</c> namespace: applications (projects that consume services), their access tokens and subscriptions.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="KipuHub.CredentialUnavailableException"/>.</remarks>
    IApplicationsClient Applications { get; }

    /// <summary>Gets the <c>authentication</c> namespace: access tokens and keys: personal access tokens, application (gateway) credentials, <c>/authorize</c>.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="KipuHub.CredentialUnavailableException"/>.</remarks>
    IAuthenticationClient Authentication { get; }

    /// <summary>Gets the <c>data_pools</c> namespace: data pools (shared datasets) and their files; see <see cref="Streaming.DataPoolFileTransfer"/> for streamed upload and download with progress.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="KipuHub.CredentialUnavailableException"/>.</remarks>
    IDataPoolsClient DataPools { get; }

    /// <summary>Gets the <c>data_pool_grants</c> namespace: short-lived grants that let a service (execution) read or write a data pool.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="KipuHub.CredentialUnavailableException"/>.</remarks>
    IDataPoolGrantsClient DataPoolGrants { get; }

    /// <summary>Gets the <c>data_pool_shares</c> namespace: visibility of data pools to users or organizations.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="KipuHub.CredentialUnavailableException"/>.</remarks>
    IDataPoolSharesClient DataPoolShares { get; }

    /// <summary>Gets the <c>external_services</c> namespace: externally hosted services registered in the catalog, their pricing plans and metering.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="KipuHub.CredentialUnavailableException"/>.</remarks>
    IExternalServicesClient ExternalServices { get; }

    /// <summary>Gets the <c>git_integrations</c> namespace: Git provider integrations used by services.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="KipuHub.CredentialUnavailableException"/>.</remarks>
    IGitIntegrationsClient GitIntegrations { get; }

    /// <summary>Gets the <c>implementations</c> namespace: implementations attached to algorithms, and their files.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="KipuHub.CredentialUnavailableException"/>.</remarks>
    IImplementationsClient Implementations { get; }

    /// <summary>Gets the <c>managed_services</c> namespace: managed (Hub-hosted) services, their pricing plans and executions.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="KipuHub.CredentialUnavailableException"/>.</remarks>
    IManagedServicesClient ManagedServices { get; }

    /// <summary>Gets the <c>marketplace</c> namespace: marketplace listings and subscribing to them.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="KipuHub.CredentialUnavailableException"/>.</remarks>
    IMarketplaceClient Marketplace { get; }

    /// <summary>Gets the <c>organizations</c> namespace: organizations you belong to, and their members.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="KipuHub.CredentialUnavailableException"/>.</remarks>
    IOrganizationsClient Organizations { get; }

    /// <summary>Gets the <c>quantum_workloads</c> namespace: the cross-organization reporting view of quantum jobs and sessions.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="KipuHub.CredentialUnavailableException"/>.</remarks>
    IQuantumWorkloadsClient QuantumWorkloads { get; }

    /// <summary>Gets the <c>service_executions</c> namespace: service execution records: list (paged), inputs, results, logs, cancellation.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="KipuHub.CredentialUnavailableException"/>.</remarks>
    IServiceExecutionsClient ServiceExecutions { get; }

    /// <summary>Gets the <c>service_jobs</c> namespace: service jobs (long-running execution records).</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="KipuHub.CredentialUnavailableException"/>.</remarks>
    IServiceJobsClient ServiceJobs { get; }

    /// <summary>Gets the <c>service_shares</c> namespace: visibility of services to users or organizations.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="KipuHub.CredentialUnavailableException"/>.</remarks>
    IServiceSharesClient ServiceShares { get; }

    /// <summary>Gets the <c>services</c> namespace: services in the catalog (paged list, versions, API definitions, source code, builds, publishing).</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="KipuHub.CredentialUnavailableException"/>.</remarks>
    IServicesClient Services { get; }

    /// <summary>Gets the <c>subscriptions</c> namespace: subscriptions of applications to services.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="KipuHub.CredentialUnavailableException"/>.</remarks>
    ISubscriptionsClient Subscriptions { get; }

    /// <summary>Gets the <c>use_cases</c> namespace: use cases exposed in the catalog and marketplace.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="KipuHub.CredentialUnavailableException"/>.</remarks>
    IUseCasesClient UseCases { get; }

    /// <summary>Gets the <c>user_notifications</c> namespace: per-user notifications.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="KipuHub.CredentialUnavailableException"/>.</remarks>
    IUserNotificationsClient UserNotifications { get; }

    /// <summary>Gets the <c>users</c> namespace: user profiles, including <c>GetMeAsync</c> (the token's user) and the accounts you can act as.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="KipuHub.CredentialUnavailableException"/>.</remarks>
    IUsersClient Users { get; }

    /// <summary>Gets the <c>workflow_services</c> namespace: workflow (multi-step managed) services and their workflow models.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="KipuHub.CredentialUnavailableException"/>.</remarks>
    IWorkflowServicesClient WorkflowServices { get; }

    /// <summary>
    /// Sends a request through this client's pipeline (base URL, auth, organization, headers, retries, timeout,
    /// logging), for an endpoint without a typed method; the counterpart of TypeScript's <c>client.fetch</c>.
    /// </summary>
    /// <param name="request">The request; a relative URI (<c>"users/me"</c>) resolves against <see cref="BaseUrl"/>.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The response, whatever its status (check it yourself); its body is not buffered. Dispose it.</returns>
    /// <exception cref="HubTimeoutException">No response arrived within the timeout (after retries, for idempotent methods).</exception>
    Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default);
}
