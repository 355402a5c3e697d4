namespace KipuHub.Jobs;

/// <summary>The outcome of <see cref="IHubQuantumClient.EstimateCostAsync"/>: the expected charge of one job, line by line.</summary>
/// <param name="BackendId">The backend priced.</param>
/// <param name="Currency">The currency of <see cref="Total"/>, or null when the backend publishes no price.</param>
/// <param name="Items">One line per price of the backend's <c>costs</c>.</param>
/// <param name="Assumptions">What the estimate had to assume (a run time, a gate count, a free backend), in words.</param>
public sealed record JobCostEstimate(string BackendId, string? Currency, IReadOnlyList<JobCostItem> Items, IReadOnlyList<string> Assumptions)
{
    /// <summary>Gets the estimated total: the sum of the lines' amounts (0 for a free backend).</summary>
    public decimal Total => Items.Sum(i => i.Amount);
}
