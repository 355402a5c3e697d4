using KipuHub.Generated.Platform;
using KipuHub.Internal;
using KipuHub.Platform.Internal;

namespace KipuHub;

/// <summary>
/// The client of the Platform (catalog) API: services, applications, subscriptions, organizations, users, data pools
/// and their files, shares and grants, marketplace, ... (the official SDKs' <c>HubPlatformClient</c>).
/// </summary>
/// <remarks>
/// <para>
/// The 22 namespaces (<see cref="Services"/>, <see cref="Users"/>, <see cref="DataPools"/>, ...) are the generated
/// clients, created on first use and sharing this client's one <see cref="HttpClient"/> pipeline. Their errors are
/// translated: callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// </para>
/// <para>
/// Organization scoping: <see cref="HubPlatformClientOptions.OrganizationId"/> (or, as in Python,
/// <c>Headers["X-OrganizationId"]</c>) puts <c>X-OrganizationId</c> on every request; without it requests act for the
/// personal account. Create one client per token and organization and reuse it; it is thread-safe.
/// </para>
/// <para>
/// Paged lists as <see cref="IAsyncEnumerable{T}"/>: <see cref="Paging.PlatformPaging"/>. Data pool files with streams
/// and progress: <see cref="Streaming.DataPoolFileTransfer"/>.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// using var platform = new HubPlatformClient(new HubPlatformClientOptions
/// {
///     ApiKey = Environment.GetEnvironmentVariable("KQH_PERSONAL_ACCESS_TOKEN"),
///     OrganizationId = Environment.GetEnvironmentVariable("KQH_ORGANIZATION_ID"),
/// });
/// var me = await platform.Users.GetMeAsync();
/// await foreach (var service in platform.Services.ListServicesPageable(pageSize: 20))
/// {
///     Console.WriteLine(service.DisplayName);
/// }
/// </code>
/// </example>
public partial class HubPlatformClient : HubClient, IHubPlatformClient
{
    private IAlgorithmsClient? _algorithms;
    private IApplicationsClient? _applications;
    private IAuthenticationClient? _authentication;
    private IDataPoolsClient? _dataPools;
    private IDataPoolGrantsClient? _dataPoolGrants;
    private IDataPoolSharesClient? _dataPoolShares;
    private IExternalServicesClient? _externalServices;
    private IGitIntegrationsClient? _gitIntegrations;
    private IImplementationsClient? _implementations;
    private IManagedServicesClient? _managedServices;
    private IMarketplaceClient? _marketplace;
    private IOrganizationsClient? _organizations;
    private IQuantumWorkloadsClient? _quantumWorkloads;
    private IServiceExecutionsClient? _serviceExecutions;
    private IServiceJobsClient? _serviceJobs;
    private IServiceSharesClient? _serviceShares;
    private IServicesClient? _services;
    private ISubscriptionsClient? _subscriptions;
    private IUseCasesClient? _useCases;
    private IUserNotificationsClient? _userNotifications;
    private IUsersClient? _users;
    private IWorkflowServicesClient? _workflowServices;

    /// <summary>Creates a client for the public Hub with a personal access token.</summary>
    /// <param name="apiKey">The token, sent as <c>X-Auth-Token</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is null, empty or white space.</exception>
    public HubPlatformClient(string apiKey)
        : this(new HubPlatformClientOptions { ApiKey = apiKey })
    {
    }

    /// <summary>Creates a client.</summary>
    /// <param name="options">Token, organization, base URL or environment, headers, timeout, retries, transport and logging.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are incomplete or inconsistent (for example no token); the message says what to pass.</exception>
    public HubPlatformClient(HubPlatformClientOptions options)
        : this(HubClientCore.Create(Resolve(options, out var organizationId)), organizationId)
    {
    }

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> that already runs the SDK's handlers, built with
    /// <see cref="Http.HubHttpPipeline.CreateHandlers"/> from the same <paramref name="options"/> around a retry stage of
    /// your own (this is how <c>AddKipuHub</c> builds its clients from <c>IHttpClientFactory</c>).
    /// </summary>
    /// <param name="pipeline">The configured client; it stays yours (not disposed). Its <c>BaseAddress</c> is set to the options' base URL when unset.</param>
    /// <param name="options">The options the handlers were created from (base URL, organization, polling defaults, clock).</param>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are incomplete or inconsistent, or <paramref name="pipeline"/> has another base address.</exception>
    /// <remarks>An <see cref="HttpClient"/> without the SDK's handlers sends no token; use the options constructor for that.</remarks>
    public HubPlatformClient(HttpClient pipeline, HubPlatformClientOptions options)
        : this(HubClientCore.CreateOver(pipeline, Resolve(options, out var organizationId)), organizationId)
    {
    }

    private HubPlatformClient(HubClientCore core, string? organizationId)
        : base(core)
    {
        OrganizationId = organizationId;
    }

    /// <summary>Creates a client for mocking; every member of such an instance must be set up.</summary>
    protected HubPlatformClient()
    {
    }

    /// <inheritdoc />
    public virtual string? OrganizationId { get; }

    /// <inheritdoc />
    public virtual IAlgorithmsClient Algorithms =>
        Core.GetOrCreate(ref _algorithms, static (http, errors) => new ErrorMappingAlgorithmsClient(new AlgorithmsClient(http), errors));

    /// <inheritdoc />
    public virtual IApplicationsClient Applications =>
        Core.GetOrCreate(ref _applications, static (http, errors) => new ErrorMappingApplicationsClient(new ApplicationsClient(http), errors));

    /// <inheritdoc />
    public virtual IAuthenticationClient Authentication =>
        Core.GetOrCreate(ref _authentication, static (http, errors) => new ErrorMappingAuthenticationClient(new AuthenticationClient(http), errors));

    /// <inheritdoc />
    public virtual IDataPoolsClient DataPools =>
        Core.GetOrCreate(ref _dataPools, static (http, errors) => new ErrorMappingDataPoolsClient(new DataPoolsClient(http), errors));

    /// <inheritdoc />
    public virtual IDataPoolGrantsClient DataPoolGrants =>
        Core.GetOrCreate(ref _dataPoolGrants, static (http, errors) => new ErrorMappingDataPoolGrantsClient(new DataPoolGrantsClient(http), errors));

    /// <inheritdoc />
    public virtual IDataPoolSharesClient DataPoolShares =>
        Core.GetOrCreate(ref _dataPoolShares, static (http, errors) => new ErrorMappingDataPoolSharesClient(new DataPoolSharesClient(http), errors));

    /// <inheritdoc />
    public virtual IExternalServicesClient ExternalServices =>
        Core.GetOrCreate(ref _externalServices, static (http, errors) => new ErrorMappingExternalServicesClient(new ExternalServicesClient(http), errors));

    /// <inheritdoc />
    public virtual IGitIntegrationsClient GitIntegrations =>
        Core.GetOrCreate(ref _gitIntegrations, static (http, errors) => new ErrorMappingGitIntegrationsClient(new GitIntegrationsClient(http), errors));

    /// <inheritdoc />
    public virtual IImplementationsClient Implementations =>
        Core.GetOrCreate(ref _implementations, static (http, errors) => new ErrorMappingImplementationsClient(new ImplementationsClient(http), errors));

    /// <inheritdoc />
    public virtual IManagedServicesClient ManagedServices =>
        Core.GetOrCreate(ref _managedServices, static (http, errors) => new ErrorMappingManagedServicesClient(new ManagedServicesClient(http), errors));

    /// <inheritdoc />
    public virtual IMarketplaceClient Marketplace =>
        Core.GetOrCreate(ref _marketplace, static (http, errors) => new ErrorMappingMarketplaceClient(new MarketplaceClient(http), errors));

    /// <inheritdoc />
    public virtual IOrganizationsClient Organizations =>
        Core.GetOrCreate(ref _organizations, static (http, errors) => new ErrorMappingOrganizationsClient(new OrganizationsClient(http), errors));

    /// <inheritdoc />
    public virtual IQuantumWorkloadsClient QuantumWorkloads =>
        Core.GetOrCreate(ref _quantumWorkloads, static (http, errors) => new ErrorMappingQuantumWorkloadsClient(new QuantumWorkloadsClient(http), errors));

    /// <inheritdoc />
    public virtual IServiceExecutionsClient ServiceExecutions =>
        Core.GetOrCreate(ref _serviceExecutions, static (http, errors) => new ErrorMappingServiceExecutionsClient(new ServiceExecutionsClient(http), errors));

    /// <inheritdoc />
    public virtual IServiceJobsClient ServiceJobs =>
        Core.GetOrCreate(ref _serviceJobs, static (http, errors) => new ErrorMappingServiceJobsClient(new ServiceJobsClient(http), errors));

    /// <inheritdoc />
    public virtual IServiceSharesClient ServiceShares =>
        Core.GetOrCreate(ref _serviceShares, static (http, errors) => new ErrorMappingServiceSharesClient(new ServiceSharesClient(http), errors));

    /// <inheritdoc />
    public virtual IServicesClient Services =>
        Core.GetOrCreate(ref _services, static (http, errors) => new ErrorMappingServicesClient(new ServicesClient(http), errors));

    /// <inheritdoc />
    public virtual ISubscriptionsClient Subscriptions =>
        Core.GetOrCreate(ref _subscriptions, static (http, errors) => new ErrorMappingSubscriptionsClient(new SubscriptionsClient(http), errors));

    /// <inheritdoc />
    public virtual IUseCasesClient UseCases =>
        Core.GetOrCreate(ref _useCases, static (http, errors) => new ErrorMappingUseCasesClient(new UseCasesClient(http), errors));

    /// <inheritdoc />
    public virtual IUserNotificationsClient UserNotifications =>
        Core.GetOrCreate(ref _userNotifications, static (http, errors) => new ErrorMappingUserNotificationsClient(new UserNotificationsClient(http), errors));

    /// <inheritdoc />
    public virtual IUsersClient Users =>
        Core.GetOrCreate(ref _users, static (http, errors) => new ErrorMappingUsersClient(new UsersClient(http), errors));

    /// <inheritdoc />
    public virtual IWorkflowServicesClient WorkflowServices =>
        Core.GetOrCreate(ref _workflowServices, static (http, errors) => new ErrorMappingWorkflowServicesClient(new WorkflowServicesClient(http), errors));

    private static PipelineSettings Resolve(HubPlatformClientOptions options, out string? organizationId)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.ToPipelineSettings();
        organizationId = settings.OrganizationId;
        return settings;
    }
}
