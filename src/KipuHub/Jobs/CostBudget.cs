namespace KipuHub.Jobs;

/// <summary>
/// The client's <see cref="HubQuantumClientOptions.MaxCost"/>: each submission reserves its estimate before its POST,
/// under a lock, so concurrent batch items never cross the budget together. A reservation is kept even when the POST
/// then fails: the job may exist, and a budget errs on the side of spending less.
/// </summary>
internal sealed class CostBudget(decimal max)
{
    private readonly Lock _gate = new();
    private decimal _spent;

    public decimal Max => max;

    /// <summary>Reserves <paramref name="amount"/>, or returns false (and the amount spent so far) when it would cross the budget.</summary>
    public bool TryReserve(decimal amount, out decimal spent)
    {
        lock (_gate)
        {
            spent = _spent;
            if (_spent + amount > max) return false;
            _spent += amount;
            spent = _spent;
            return true;
        }
    }

    /// <summary>Gives back a reservation that another budget (a <see cref="HubCostScope"/>) refused, so the job counts nowhere.</summary>
    public void Release(decimal amount)
    {
        lock (_gate) _spent -= amount;
    }
}
