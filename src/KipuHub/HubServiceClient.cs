using KipuHub.Generated.Service;
using KipuHub.Internal;
using KipuHub.Service.Internal;

namespace KipuHub;

/// <summary>
/// The client of one deployed service's Service API, through the gateway (the official SDKs' <c>HubServiceClient</c>).
/// </summary>
/// <remarks>
/// <para>
/// <see cref="ServiceApi"/> is the generated client, created on first use over this client's one
/// <see cref="HttpClient"/> pipeline; its errors surface as <see cref="HubApiException"/> subclasses.
/// </para>
/// <para>
/// Requests carry <c>Authorization: Bearer</c> with the token from the options (a fixed token, a token provider, or a
/// credential such as <see cref="Credentials.ClientCredentialsTokenProvider"/>), asked on every request.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// using var service = new HubServiceClient(new HubServiceClientOptions
/// {
///     BaseUrl = new Uri("https://gateway.hub.kipu-quantum.com/acme/vqe/1.0.0"),
///     Credential = new ClientCredentialsTokenProvider(accessKeyId, secretAccessKey),
/// });
/// var execution = await service.ServiceApi.StartExecutionAsync(new StartExecutionRequest { Input = new { molecule = "H2" } });
/// </code>
/// </example>
public partial class HubServiceClient : HubClient, IHubServiceClient
{
    private IServiceApiClient? _serviceApi;

    /// <summary>Creates a client for a service with a fixed gateway token.</summary>
    /// <param name="baseUrl">The service's full gateway URL, <c>https://gateway.hub.kipu-quantum.com/&lt;context&gt;/&lt;service&gt;/&lt;version&gt;</c>.</param>
    /// <param name="token">The bearer token.</param>
    /// <exception cref="ArgumentException"><paramref name="baseUrl"/> is missing or not absolute, or <paramref name="token"/> is empty.</exception>
    public HubServiceClient(Uri baseUrl, string token)
        : this(new HubServiceClientOptions { BaseUrl = baseUrl, Token = token })
    {
    }

    /// <summary>Creates a client.</summary>
    /// <param name="options">Gateway URL, token source, headers, timeout, retries, transport and logging.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are incomplete or inconsistent (for example no BaseUrl); the message says what to pass.</exception>
    public HubServiceClient(HubServiceClientOptions options)
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
    public HubServiceClient(HttpClient pipeline, HubServiceClientOptions options)
        : base(HubClientCore.CreateOver(pipeline, Settings(options)))
    {
    }

    /// <summary>Creates a client for mocking; every member of such an instance must be set up.</summary>
    protected HubServiceClient()
    {
    }

    /// <inheritdoc />
    public virtual IServiceApiClient ServiceApi =>
        Core.GetOrCreate(ref _serviceApi, static (http, errors) => new ErrorMappingServiceApiClient(new ServiceApiClient(http), errors));
}
