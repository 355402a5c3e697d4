using KipuHub.Jobs;

namespace KipuHub;

/// <summary>
/// A spending limit that submissions reserve their estimated cost (<see cref="IHubQuantumClient.EstimateCostAsync"/>)
/// from before their POST, and that reports what it let through and what it refused. Give one to several clients
/// (<see cref="HubQuantumClientOptions.CostBudget"/>) to share it; <see cref="HubQuantumClientOptions.MaxCost"/> gives a
/// client one of its own, <c>AddKipuHub</c> gives each registration one (<c>KipuHub:MaxCost</c>), and
/// <see cref="HubCostScope"/> one per block of code.
/// </summary>
/// <remarks>
/// Reservations are all-or-nothing across every budget a submission must fit (the client's and each open
/// <see cref="HubCostScope"/>), under one lock, so concurrent submissions never cross a budget together. A reservation
/// is kept when its POST then fails: the job may exist, and a budget errs on the side of spending less. Amounts are in
/// the backends' own currency (the Hub's and the emulator's price lists use USD); nothing is converted.
/// </remarks>
public sealed class HubCostBudget
{
    // One lock for every budget: a reservation in several budgets is all-or-nothing, and reservations are tiny.
    private static readonly Lock Gate = new();

    private readonly List<JobCostEstimate> _submitted = [];
    private readonly List<JobCostEstimate> _refused = [];
    private decimal _spent;

    /// <summary>Creates a budget.</summary>
    /// <param name="maxCost">The most the submissions may cost together, in the backends' currency (0 lets only free jobs through).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCost"/> is negative.</exception>
    public HubCostBudget(decimal maxCost)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCost);
        MaxCost = maxCost;
    }

    /// <summary>Gets the budget, in the backends' currency.</summary>
    public decimal MaxCost { get; }

    /// <summary>Gets the sum of the estimates of the submissions let through.</summary>
    public decimal Spent
    {
        get
        {
            lock (Gate) return _spent;
        }
    }

    /// <summary>Gets what is left of <see cref="MaxCost"/>.</summary>
    public decimal Remaining => MaxCost - Spent;

    /// <summary>Gets the estimates of the submissions let through, in the order they were reserved.</summary>
    public IReadOnlyList<JobCostEstimate> Submitted
    {
        get
        {
            lock (Gate) return [.. _submitted];
        }
    }

    /// <summary>Gets the estimates of the submissions this budget refused (nothing was sent for them), in order.</summary>
    public IReadOnlyList<JobCostEstimate> Refused
    {
        get
        {
            lock (Gate) return [.. _refused];
        }
    }

    /// <summary>Returns a summary: spent, budget and counts (no amounts of single jobs).</summary>
    /// <returns>For example <c>HubCostBudget: 0.89 of 1.00 spent (2 submitted, 1 refused)</c>.</returns>
    public override string ToString()
    {
        lock (Gate) return FormattableString.Invariant($"HubCostBudget: {_spent} of {MaxCost} spent ({_submitted.Count} submitted, {_refused.Count} refused)");
    }

    /// <summary>
    /// Reserves <paramref name="estimate"/> in every one of <paramref name="budgets"/>, or in none, under the one lock;
    /// within a batch also checks and sets its stop there, so no item reserves after the item that crossed a budget.
    /// </summary>
    /// <param name="estimate">The job's estimate; a negative total counts as 0.</param>
    /// <param name="budgets">Every budget in force, each with the cost scope it belongs to (none for the client's).</param>
    /// <param name="batch">The batch the submission belongs to, if any.</param>
    /// <param name="request">The submission (its batch copy): a resubmission of it keeps its first reservation instead of taking a second.</param>
    /// <returns><see langword="null"/> when reserved; else the refusal to throw (the estimate is recorded as refused in the budget it would cross).</returns>
    internal static JobBudgetExceededException? TryReserve(JobCostEstimate estimate, IReadOnlyList<(HubCostBudget Budget, HubCostScope? Scope)> budgets, BatchBudgetStop? batch = null, object? request = null)
    {
        var amount = Math.Max(0, estimate.Total);
        lock (Gate)
        {
            if (batch?.StoppedBy is { } stop) return JobBudgetExceededException.AfterStop(stop);
            if (batch is not null && request is not null && batch.HasReserved(request)) return null;
            foreach (var (budget, scope) in budgets)
            {
                if (budget._spent + amount > budget.MaxCost)
                {
                    budget._refused.Add(estimate);
                    var refusal = new JobBudgetExceededException(budget, budget._spent, estimate, scope);
                    if (batch is not null) batch.StoppedBy = refusal;
                    return refusal;
                }
            }

            foreach (var (budget, _) in budgets)
            {
                budget._spent += amount;
                budget._submitted.Add(estimate);
            }

            if (batch is not null && request is not null) batch.MarkReserved(request);
            return null;
        }
    }
}
