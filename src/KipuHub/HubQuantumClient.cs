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
public partial class HubQuantumClient : HubClient, IHubQuantumClient
{
    private readonly bool _validateBeforeSubmit;
    private readonly HubCostBudget? _budget;

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
        : base(HubClientCore.Create(Settings(options)))
    {
        _validateBeforeSubmit = options.ValidateBeforeSubmit;
        _budget = BudgetOf(options);
        _backendCache = KipuHub.Jobs.BackendRecordCache.For(options, Core.TimeProvider);
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
    public HubQuantumClient(HttpClient pipeline, HubQuantumClientOptions options)
        : base(HubClientCore.CreateOver(pipeline, Settings(options)))
    {
        _validateBeforeSubmit = options.ValidateBeforeSubmit;
        _budget = BudgetOf(options);
        _backendCache = KipuHub.Jobs.BackendRecordCache.For(options, Core.TimeProvider);
    }

    /// <inheritdoc />
    public virtual HubCostBudget? CostBudget => _budget;

    /// <summary>Creates a client for mocking; every member of such an instance must be set up.</summary>
    protected HubQuantumClient()
    {
    }

    /// <inheritdoc />
    public virtual string? OrganizationId => Core.OrganizationId;

    // The options' shared budget, or one of this client's own for MaxCost (OptionRules refuses both at once).
    private static HubCostBudget? BudgetOf(HubQuantumClientOptions options) =>
        options.CostBudget ?? (options.MaxCost is { } max ? new HubCostBudget(max) : null);
}
