using KipuHub.Jobs;

namespace KipuHub;

/// <summary>
/// A submission was refused before its POST because its estimated cost (<see cref="IHubQuantumClient.EstimateCostAsync"/>)
/// would take the client past <see cref="HubQuantumClientOptions.MaxCost"/>: nothing was sent (in a batch the item is
/// <see cref="JobSubmissionOutcome.NotSent"/>).
/// </summary>
public sealed class JobBudgetExceededException : HubException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="maxCost">The budget.</param>
    /// <param name="spent">The estimated cost of the submissions already let through.</param>
    /// <param name="refused">The estimate of the refused job.</param>
    public JobBudgetExceededException(decimal maxCost, decimal spent, JobCostEstimate refused)
        : base(Describe(maxCost, spent, refused))
    {
        MaxCost = maxCost;
        Spent = spent;
        Refused = refused;
    }

    /// <summary>Gets the budget (<see cref="HubQuantumClientOptions.MaxCost"/>).</summary>
    public decimal MaxCost { get; }

    /// <summary>Gets the estimated cost of the submissions already let through by this client.</summary>
    public decimal Spent { get; }

    /// <summary>Gets the estimate of the job that was refused.</summary>
    public JobCostEstimate Refused { get; }

    private static string Describe(decimal maxCost, decimal spent, JobCostEstimate refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        var currency = refused.Currency ?? string.Empty;
        return FormattableString.Invariant($"The job on '{refused.BackendId}' was not sent: its estimated cost {refused.Total} {currency} would take the spending from {spent} to {spent + refused.Total}, over MaxCost {maxCost}. Raise HubQuantumClientOptions.MaxCost or use a cheaper backend.");
    }
}
