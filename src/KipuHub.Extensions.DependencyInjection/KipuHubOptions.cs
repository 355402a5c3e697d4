using KipuHub.Credentials;
using KipuHub.Waiting;

namespace KipuHub.Extensions.DependencyInjection;

/// <summary>
/// The options of one <c>AddKipuHub</c> registration: where the Hub is, which organization to act for, the token (optional:
/// the credential chain finds it), timeouts, retries and polling defaults. Bound from the <c>KipuHub</c> configuration section.
/// </summary>
/// <remarks>
/// <para>
/// Every property is a configuration key under the section passed to <c>AddKipuHub</c>: <c>KipuHub:BaseUrl</c>,
/// <c>KipuHub:OrganizationId</c>, <c>KipuHub:Timeout</c> ("00:01:00"), <c>KipuHub:MaxRetries</c>,
/// <c>KipuHub:Headers:X-Name</c>, <c>KipuHub:Waiting:MinInterval</c>, ... The resilience pipeline has its own
/// subsection, <c>KipuHub:Resilience</c> (the shape of <c>HttpStandardResilienceOptions</c>). docs/configuration.md lists every key.
/// </para>
/// <para>
/// The options are validated when the host starts (<c>ValidateOnStart</c>); a failure names the configuration key.
/// They are read once, when the first client of the registration is created.
/// </para>
/// </remarks>
public sealed class KipuHubOptions : KipuHubEndpointOptions
{
    /// <summary>The conventional configuration section, <c>"KipuHub"</c>.</summary>
    public const string DefaultSectionName = "KipuHub";

    /// <summary>Gets or sets the Quantum API base URL (<c>KipuHub:BaseUrl</c>); a missing trailing '/' is added.</summary>
    /// <value>Defaults to <see langword="null"/>: <see cref="Environment"/>'s, else <c>https://api.hub.kipu-quantum.com/quantum/</c>.</value>
    public Uri? BaseUrl { get; set; }

    /// <summary>Gets or sets the Platform (catalog) API base URL (<c>KipuHub:PlatformBaseUrl</c>).</summary>
    /// <value>Defaults to <see langword="null"/>: <see cref="Environment"/>'s, else <c>https://api.hub.kipu-quantum.com/qc-catalog/</c>.</value>
    public Uri? PlatformBaseUrl { get; set; }

    /// <summary>Gets or sets the deployment (both base URLs at once); <see cref="BaseUrl"/> and <see cref="PlatformBaseUrl"/> win over it. Code only.</summary>
    /// <value>Defaults to <see langword="null"/>, meaning <see cref="HubEnvironment.Default"/>.</value>
    public HubEnvironment? Environment { get; set; }

    /// <summary>Gets or sets the organization every request acts for (<c>X-OrganizationId</c>; <c>KipuHub:OrganizationId</c>).</summary>
    public string? OrganizationId { get; set; }

    /// <summary>Gets or sets a personal access token (<c>KipuHub:ApiKey</c>), tried before the environment and the <c>qhubctl</c> config file.</summary>
    /// <remarks>
    /// Never required: without it the <see cref="DefaultCredentialsProvider"/> chain reads <c>KQH_PERSONAL_ACCESS_TOKEN</c>
    /// and the <c>qhubctl</c> config file. Keep it out of <c>appsettings.json</c>: use user secrets
    /// (<c>dotnet user-secrets set KipuHub:ApiKey ...</c>) or the environment (<c>KipuHub__ApiKey</c>).
    /// </remarks>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Gets or sets whether the Quantum client checks each job against its backend before sending it
    /// (<c>KipuHub:ValidateBeforeSubmit</c>; <see cref="HubQuantumClientOptions.ValidateBeforeSubmit"/>): one cached
    /// <c>GET /backends/{id}</c> per backend per 60 seconds, and a job the Hub would refuse is never sent.
    /// </summary>
    /// <value>Defaults to <see langword="true"/>; <c>false</c> posts without the check.</value>
    public bool ValidateBeforeSubmit { get; set; } = true;

    /// <summary>
    /// Gets or sets the most the Quantum client may spend over every job it submits, in the backends' currency
    /// (<c>KipuHub:MaxCost</c>, e.g. <c>25.50</c>; <see cref="HubQuantumClientOptions.MaxCost"/>). The registration keeps
    /// one <see cref="HubCostBudget"/> for the application's lifetime, shared by every Quantum client it resolves (they are
    /// transient); read it from <see cref="IHubQuantumClient.CostBudget"/>. A change of the value after the first client
    /// was resolved takes effect at the next start.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: no budget. Must be 0 or more.</value>
    public decimal? MaxCost { get; set; }

    /// <summary>Gets or sets the polling defaults for waiting on jobs, sessions and executions (<c>KipuHub:Waiting</c>).</summary>
    public WaitOptions Waiting { get; set; } = new();

    /// <summary>Gets or sets where the default credential chain reads variables and the config file. Code only, for tests and hosts.</summary>
    /// <value>Defaults to <see langword="null"/>, meaning <see cref="CredentialEnvironment.Current"/>.</value>
    public CredentialEnvironment? CredentialEnvironment { get; set; }
}
