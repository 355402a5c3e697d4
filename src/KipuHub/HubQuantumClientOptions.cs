using KipuHub.Internal;

namespace KipuHub;

/// <summary>Options of <see cref="HubQuantumClient"/>, mirroring the constructor of the official SDKs' <c>HubQuantumClient</c>.</summary>
/// <remarks>
/// <para>Give a token as <see cref="HubAccountClientOptions.ApiKey"/> or <see cref="HubAccountClientOptions.Credential"/> (exactly one).</para>
/// <para>
/// The base URL is <see cref="HubClientOptions.BaseUrl"/> when set, else <see cref="HubAccountClientOptions.Environment"/>'s Quantum URL,
/// else <c>https://api.hub.kipu-quantum.com/quantum/</c>.
/// </para>
/// </remarks>
public sealed class HubQuantumClientOptions : HubAccountClientOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether <c>SubmitJobAsync</c>, <c>RunJobAsync</c>, sessions and batches check each
    /// job against its backend first (<see cref="HubQuantumClient.ValidateJobAsync"/>) and send nothing for a job that
    /// fails, throwing <see cref="JobPreflightException"/> (in a batch: that item is
    /// <see cref="KipuHub.Jobs.JobSubmissionOutcome.Rejected"/>).
    /// </summary>
    /// <remarks>
    /// <para>
    /// The cost is one <c>GET /backends/{id}</c> per backend per 60 seconds: the record is cached on the client's clock,
    /// so a batch of 1,000 jobs on one backend adds one request. If that GET fails with a 5xx, 408, 429, a timeout or a
    /// broken connection, no job is sent: the submission throws <see cref="HubRequestNotSentException"/> (in a batch:
    /// <see cref="KipuHub.Jobs.JobSubmissionOutcome.NotSent"/>), so submitting again is safe.
    /// </para>
    /// <para>
    /// Set it to <see langword="false"/> (configuration: <c>KipuHub:ValidateBeforeSubmit</c>) to POST without the check,
    /// for example when the Hub's own 422 is the answer you want, or when every request counts.
    /// </para>
    /// </remarks>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool ValidateBeforeSubmit { get; set; } = true;

    /// <summary>
    /// Gets or sets the most this client may spend, in the backends' currency, summed over the estimates
    /// (<see cref="HubQuantumClient.EstimateCostAsync"/>) of every job it submits. A submission whose estimate would cross
    /// it is refused before its POST with <see cref="JobBudgetExceededException"/> (in a batch: that item and every item
    /// after it are <see cref="KipuHub.Jobs.JobSubmissionOutcome.NotSent"/>; the batch stops at its budget). For a budget
    /// over one block of code rather than the client's lifetime, use <see cref="HubCostScope"/>; to share one budget
    /// between clients, <see cref="CostBudget"/>. The client's budget is <see cref="IHubQuantumClient.CostBudget"/>.
    /// It guards the facade's submissions (<c>SubmitJobAsync</c>, <c>RunJobAsync</c>, batches, sessions); the raw
    /// generated <c>client.Jobs.CreateJobAsync</c> is the API as it is and checks nothing.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: no budget, and no estimate is fetched. Must be 0 or more (0 allows only free jobs); configuration: <c>KipuHub:MaxCost</c>.</value>
    public decimal? MaxCost { get; set; }

    /// <summary>
    /// Gets or sets a budget shared by every client given it, in place of <see cref="MaxCost"/> (set one or the other):
    /// for example one budget for all the clients of a tenant. <c>AddKipuHub</c> gives each registration one from
    /// <c>KipuHub:MaxCost</c>, so the transient clients it resolves share it.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public HubCostBudget? CostBudget { get; set; }

    /// <inheritdoc />
    private protected override IEnumerable<OptionProblem> ApiProblems(Func<string, string> keyOf) =>
        new[] { OptionRules.MaxCost(MaxCost, keyOf(nameof(MaxCost))), OptionRules.OneBudget(MaxCost, CostBudget, keyOf(nameof(MaxCost)), keyOf(nameof(CostBudget))) }.OfType<OptionProblem>();

    /// <inheritdoc />
    private protected override (HubApiKind Api, Uri? DefaultBaseUrl, string Example) Endpoint =>
        (HubApiKind.Quantum, (Environment ?? HubEnvironment.Default).QuantumBaseUrl, BaseUrls.QuantumExample);
}
