using KipuHub.Jobs;

namespace KipuHub;

/// <summary>
/// A submission was refused before its POST because its estimated cost (<see cref="IHubQuantumClient.EstimateCostAsync"/>)
/// would take the spending past a budget: the client's <see cref="HubQuantumClientOptions.MaxCost"/> or a
/// <see cref="HubCostScope"/>. Nothing was sent. In a batch the item is <see cref="JobSubmissionOutcome.NotSent"/>, and
/// so is every item after it (<see cref="BatchStopped"/>): the batch stops at its budget.
/// </summary>
public sealed class JobBudgetExceededException : HubException
{
    /// <summary>Creates the exception for a job refused by the client's <see cref="HubQuantumClientOptions.MaxCost"/>.</summary>
    /// <param name="maxCost">The budget.</param>
    /// <param name="spent">The estimated cost of the submissions already let through.</param>
    /// <param name="refused">The estimate of the refused job.</param>
    public JobBudgetExceededException(decimal maxCost, decimal spent, JobCostEstimate refused)
        : this(maxCost, spent, refused, scope: null)
    {
    }

    /// <summary>Creates the exception for a job refused by a budget.</summary>
    /// <param name="maxCost">The budget.</param>
    /// <param name="spent">The estimated cost of the submissions already let through.</param>
    /// <param name="refused">The estimate of the refused job.</param>
    /// <param name="scope">The cost scope that refused it, or <see langword="null"/> for the client's <see cref="HubQuantumClientOptions.MaxCost"/>.</param>
    public JobBudgetExceededException(decimal maxCost, decimal spent, JobCostEstimate refused, HubCostScope? scope)
        : this(maxCost, spent, refused, scope, batchStopped: false)
    {
    }

    private JobBudgetExceededException(decimal maxCost, decimal spent, JobCostEstimate refused, HubCostScope? scope, bool batchStopped)
        : base(Describe(maxCost, spent, refused, scope, batchStopped))
    {
        MaxCost = maxCost;
        Spent = spent;
        Refused = refused;
        Scope = scope;
        BatchStopped = batchStopped;
    }

    /// <summary>Gets the budget that refused the job (<see cref="HubQuantumClientOptions.MaxCost"/> or <see cref="HubCostScope.MaxCost"/>).</summary>
    public decimal MaxCost { get; }

    /// <summary>Gets the estimated cost of the submissions already let through by that budget.</summary>
    public decimal Spent { get; }

    /// <summary>Gets the estimate of the job that crossed the budget (for a <see cref="BatchStopped"/> item: the earlier item's).</summary>
    public JobCostEstimate Refused { get; }

    /// <summary>Gets the cost scope that refused the job, or <see langword="null"/> when it was the client's <see cref="HubQuantumClientOptions.MaxCost"/>.</summary>
    public HubCostScope? Scope { get; }

    /// <summary>
    /// Gets a value indicating whether this batch item was not sent because an earlier item of its batch was refused
    /// (the batch stops at its budget, so nothing after the crossing item is sent); its own cost was not estimated.
    /// </summary>
    public bool BatchStopped { get; }

    /// <summary>The error of a batch item left unsent after <paramref name="crossing"/> stopped the batch.</summary>
    internal static JobBudgetExceededException AfterStop(JobBudgetExceededException crossing) =>
        new(crossing.MaxCost, crossing.Spent, crossing.Refused, crossing.Scope, batchStopped: true);

    private static string Describe(decimal maxCost, decimal spent, JobCostEstimate refused, HubCostScope? scope, bool batchStopped)
    {
        ArgumentNullException.ThrowIfNull(refused);
        var currency = refused.Currency ?? string.Empty;
        var budget = scope is null ? "the client's MaxCost" : "the cost scope's MaxCost";
        var advice = scope is null ? "Raise HubQuantumClientOptions.MaxCost or use a cheaper backend." : "Begin the HubCostScope with a larger budget or use a cheaper backend.";
        var crossing = FormattableString.Invariant($"estimated cost {refused.Total} {currency} on '{refused.BackendId}' would take the spending from {spent} to {spent + refused.Total}, over {budget} {maxCost}");
        return batchStopped
            ? $"This job was not sent: its batch stopped at its budget, because an earlier job's {crossing}. Nothing after that job was sent. {advice}"
            : $"The job was not sent: its {crossing}. {advice}";
    }
}
