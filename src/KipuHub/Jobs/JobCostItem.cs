namespace KipuHub.Jobs;

/// <summary>One line of a <see cref="JobCostEstimate"/>: a price of the backend's <c>costs</c> applied to the job.</summary>
/// <param name="Granularity">What the price is charged per, as the backend names it (<c>shot</c>, <c>job</c>, <c>minute</c>, ...).</param>
/// <param name="Units">How many of those units the job is estimated to use.</param>
/// <param name="UnitPrice">The price per unit.</param>
/// <param name="Currency">The ISO 4217 currency of the price.</param>
public sealed record JobCostItem(string Granularity, decimal Units, decimal UnitPrice, string Currency)
{
    /// <summary>Gets the line's amount: <see cref="Units"/> times <see cref="UnitPrice"/>.</summary>
    public decimal Amount => Units * UnitPrice;
}
