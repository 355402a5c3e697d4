namespace KipuHub.Extensions.DependencyInjection;

/// <summary>
/// What every registration configures for its endpoints, the Hub's APIs (<see cref="KipuHubOptions"/>) or a service
/// gateway (<see cref="KipuHubServiceGatewayOptions"/>): per-attempt timeout, retries and extra headers. Each is a
/// configuration key under the registration's section (<c>KipuHub:Timeout</c>, <c>KipuHub:ServiceGateways:vqe:MaxRetries</c>).
/// </summary>
public abstract class KipuHubEndpointOptions
{
    /// <summary>The least per-attempt timeout the resilience pipeline accepts, 10 ms.</summary>
    public static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);

    /// <summary>The greatest per-attempt timeout the resilience pipeline accepts, one day.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);

    /// <summary>Creates the options; only the package's own option types derive from this class.</summary>
    private protected KipuHubEndpointOptions()
    {
    }

    /// <summary>Gets or sets how long one attempt may wait for the response headers (<c>Timeout</c>), the resilience pipeline's attempt timeout.</summary>
    /// <value>Defaults to 60 seconds; between <see cref="MinTimeout"/> and <see cref="MaxTimeout"/>.</value>
    public TimeSpan Timeout { get; set; } = HubClientOptions.DefaultTimeout;

    /// <summary>Gets or sets how many times an idempotent request is retried after a transient failure (<c>MaxRetries</c>).</summary>
    /// <value>Defaults to 2; 0 disables retries. POST and PATCH (job submission, session creation, starting an execution) are never retried.</value>
    public int MaxRetries { get; set; } = HubClientOptions.DefaultMaxRetries;

    /// <summary>Gets or sets extra headers sent with every request (<c>Headers:Name</c>); credentials are refused here.</summary>
    public IDictionary<string, string> Headers { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
