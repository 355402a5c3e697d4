using KipuHub.Jobs;

namespace KipuHub;

/// <summary>
/// A submission was refused before its POST because its estimated cost (<see cref="IHubQuantumClient.EstimateCostAsync"/>)
/// would take the spending past a budget: the client's (<see cref="HubQuantumClientOptions.MaxCost"/> or
/// <see cref="HubQuantumClientOptions.CostBudget"/>) or a <see cref="HubCostScope"/>'s. Nothing was sent. In a batch the
/// item is <see cref="JobSubmissionOutcome.NotSent"/>, and so is every item after it (<see cref="BatchStopped"/>): the
/// batch stops at its budget.
/// </summary>
public sealed class JobBudgetExceededException : HubException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="budget">The budget the job would have crossed.</param>
    /// <param name="spent">What that budget had let through when the job was refused.</param>
    /// <param name="refused">The estimate of the refused job.</param>
    /// <param name="scope">The cost scope whose budget it is, or <see langword="null"/> for the client's budget.</param>
    public JobBudgetExceededException(HubCostBudget budget, decimal spent, JobCostEstimate refused, HubCostScope? scope = null)
        : this(budget, spent, refused, scope, batchStopped: false)
    {
    }

    private JobBudgetExceededException(HubCostBudget budget, decimal spent, JobCostEstimate refused, HubCostScope? scope, bool batchStopped)
        : base(Describe(budget, spent, refused, scope, batchStopped))
    {
        Budget = budget;
        Spent = spent;
        Refused = refused;
        Scope = scope;
        BatchStopped = batchStopped;
    }

    /// <summary>Gets the budget that refused the job (read it for what it has let through and refused since).</summary>
    public HubCostBudget Budget { get; }

    /// <summary>Gets the limit that was reached (<see cref="HubCostBudget.MaxCost"/> of <see cref="Budget"/>).</summary>
    public decimal MaxCost => Budget.MaxCost;

    /// <summary>Gets what the budget had let through when the job was refused.</summary>
    public decimal Spent { get; }

    /// <summary>Gets the estimate of the job that crossed the budget (for a <see cref="BatchStopped"/> item: the earlier item's).</summary>
    public JobCostEstimate Refused { get; }

    /// <summary>Gets the cost scope whose budget refused the job, or <see langword="null"/> when it was the client's.</summary>
    public HubCostScope? Scope { get; }

    /// <summary>
    /// Gets a value indicating whether this batch item was not sent because an earlier item of its batch was refused
    /// (the batch stops at its budget, so nothing after the crossing item is sent); its own cost was not estimated.
    /// </summary>
    public bool BatchStopped { get; }

    /// <summary>The error of a batch item left unsent after <paramref name="crossing"/> stopped the batch.</summary>
    internal static JobBudgetExceededException AfterStop(JobBudgetExceededException crossing) =>
        new(crossing.Budget, crossing.Spent, crossing.Refused, crossing.Scope, batchStopped: true);

    private static string Describe(HubCostBudget budget, decimal spent, JobCostEstimate refused, HubCostScope? scope, bool batchStopped)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(refused);
        var currency = refused.Currency ?? string.Empty;
        var which = scope is null ? "the client's budget (MaxCost)" : "the cost scope's budget";
        var advice = scope is null ? "Raise HubQuantumClientOptions.MaxCost (KipuHub:MaxCost) or use a cheaper backend." : "Begin the HubCostScope with a larger budget or use a cheaper backend.";
        var crossing = FormattableString.Invariant($"estimated cost {refused.Total} {currency} on '{refused.BackendId}' would take the spending from {spent} to {spent + refused.Total}, over {which} of {budget.MaxCost}");
        return batchStopped
            ? $"This job was not sent: its batch stopped at its budget, because an earlier job's {crossing}. Nothing after that job was sent. {advice}"
            : $"The job was not sent: its {crossing}. {advice}";
    }
}
