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
/// Organization scoping: <see cref="HubAccountClientOptions.OrganizationId"/> (or, as in Python,
/// <c>Headers["X-OrganizationId"]</c>) puts <c>X-OrganizationId</c> on every request; without it requests act for the
/// personal account. Create one client per token and organization and reuse it; it is thread-safe.
/// </para>
/// <para>
/// Paged lists as <see cref="IAsyncEnumerable{T}"/>: <see cref="PlatformPaging"/>. Data pool files with streams
/// and progress: <see cref="DataPoolFileTransfer"/>.
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
        : base(HubClientCore.Create(Settings(options)))
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
        : base(HubClientCore.CreateOver(pipeline, Settings(options)))
    {
    }

    /// <summary>Creates a client for mocking; every member of such an instance must be set up.</summary>
    protected HubPlatformClient()
    {
    }

    /// <inheritdoc />
    public virtual string? OrganizationId => Core.OrganizationId;
}
