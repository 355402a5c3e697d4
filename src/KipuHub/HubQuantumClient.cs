using KipuHub.Generated.Quantum;
using KipuHub.Internal;
using KipuHub.Quantum.Internal;

namespace KipuHub;

/// <summary>
/// The client of the Quantum API: run jobs and manage sessions on quantum backends (the official SDKs' <c>HubQuantumClient</c>).
/// </summary>
/// <remarks>
/// <para>
/// The namespaces (<see cref="Backends"/>, <see cref="Sessions"/>, <see cref="Jobs"/>, <see cref="Workloads"/>) are
/// the generated clients, created on first use and sharing this client's one <see cref="HttpClient"/> pipeline.
/// Their errors are translated: callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// </para>
/// <para>
/// Create one client per token and organization and reuse it; it is thread-safe. Dispose it to release its
/// connections (an <c>HttpClient</c> or handler passed in the options stays with its owner).
/// </para>
/// </remarks>
/// <example>
/// <code>
/// using var client = new HubQuantumClient(new HubQuantumClientOptions
/// {
///     ApiKey = Environment.GetEnvironmentVariable("KQH_PERSONAL_ACCESS_TOKEN"),
///     OrganizationId = Environment.GetEnvironmentVariable("KQH_ORGANIZATION_ID"),
/// });
/// var job = await client.Jobs.GetJobAsync("a1b2c3");
/// </code>
/// </example>
public partial class HubQuantumClient : IHubQuantumClient, IDisposable
{
    private readonly HubClientCore _core = null!;
    private IBackendsClient? _backends;
    private ISessionsClient? _sessions;
    private IJobsClient? _jobs;
    private IWorkloadsClient? _workloads;

    /// <summary>Creates a client for the public Hub with a personal access token or service execution token.</summary>
    /// <param name="apiKey">The token, sent as <c>X-Auth-Token</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is null, empty or white space.</exception>
    public HubQuantumClient(string apiKey)
        : this(new HubQuantumClientOptions { ApiKey = apiKey })
    {
    }

    /// <summary>Creates a client.</summary>
    /// <param name="options">Token, organization, base URL or environment, headers, timeout, retries, transport and logging.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are incomplete or inconsistent (for example no token); the message says what to pass.</exception>
    public HubQuantumClient(HubQuantumClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.ToPipelineSettings();
        OrganizationId = settings.OrganizationId;
        _core = HubClientCore.Create(settings);
    }

    /// <summary>Creates a client over an existing pipeline (for example one from <c>IHttpClientFactory</c>).</summary>
    internal HubQuantumClient(HubClientCore core, string? organizationId)
    {
        _core = core;
        OrganizationId = organizationId;
    }

    /// <summary>Creates a client for mocking; every member of such an instance must be set up.</summary>
    protected HubQuantumClient()
    {
    }

    /// <inheritdoc />
    public virtual Uri BaseUrl => _core.BaseUrl;

    /// <inheritdoc />
    public virtual string? OrganizationId { get; }

    /// <inheritdoc />
    public virtual IBackendsClient Backends =>
        _core.GetOrCreate(ref _backends, static (http, errors) => new ErrorMappingBackendsClient(new BackendsClient(http), errors));

    /// <inheritdoc />
    public virtual ISessionsClient Sessions =>
        _core.GetOrCreate(ref _sessions, static (http, errors) => new ErrorMappingSessionsClient(new SessionsClient(http), errors));

    /// <inheritdoc />
    public virtual IJobsClient Jobs =>
        _core.GetOrCreate(ref _jobs, static (http, errors) => new ErrorMappingJobsClient(new JobsClient(http), errors));

    /// <inheritdoc />
    public virtual IWorkloadsClient Workloads =>
        _core.GetOrCreate(ref _workloads, static (http, errors) => new ErrorMappingWorkloadsClient(new WorkloadsClient(http), errors));

    /// <inheritdoc />
    public virtual Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default) =>
        _core.SendAsync(request, $"{nameof(SendAsync)} {request?.Method}", cancellationToken);

    /// <summary>Releases the connections of this client.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the connections of this client.</summary>
    /// <param name="disposing"><see langword="true"/> when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _core?.Dispose();
        }
    }
}
