namespace KipuHub;

/// <summary>
/// A budget for the jobs submitted inside a block, on any <see cref="HubQuantumClient"/>:
/// <c>using var budget = HubCostScope.Begin(25m);</c>. Each submission's estimate
/// (<see cref="IHubQuantumClient.EstimateCostAsync"/>) is reserved before its POST; one that would cross the budget is
/// refused with <see cref="JobBudgetExceededException"/> and sends nothing, and a batch stops there.
/// </summary>
/// <remarks>
/// The scope flows with the async context (<see cref="AsyncLocal{T}"/>), like <see cref="HubRequestContext"/>: to awaited
/// calls and tasks started inside it. Scopes nest: a submission must fit every open scope (and the client's
/// <see cref="HubQuantumClientOptions.CostBudget"/> or <see cref="HubQuantumClientOptions.MaxCost"/>), and is counted in
/// all of them. Disposing a scope restores the one around it; its <see cref="Budget"/> stays readable.
/// </remarks>
public sealed class HubCostScope : IDisposable
{
    private static readonly AsyncLocal<HubCostScope?> CurrentScope = new();

    private readonly HubCostScope? _outer;
    private int _disposed;

    private HubCostScope(HubCostBudget budget, HubCostScope? outer)
    {
        Budget = budget;
        _outer = outer;
    }

    /// <summary>Gets the innermost open scope here, or <see langword="null"/> outside any.</summary>
    public static HubCostScope? Current => CurrentScope.Value;

    /// <summary>Gets the scope's budget: what it allows, what it let through and what it refused.</summary>
    public HubCostBudget Budget { get; }

    /// <summary>Begins a scope with a budget of <paramref name="maxCost"/>; dispose it to end the scope.</summary>
    /// <param name="maxCost">The most the submissions inside may cost together, in the backends' currency (0 lets only free jobs through).</param>
    /// <returns>The scope, whose <see cref="Budget"/> reports what was spent and refused.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCost"/> is negative.</exception>
    public static HubCostScope Begin(decimal maxCost)
    {
        var scope = new HubCostScope(new HubCostBudget(maxCost), CurrentScope.Value);
        CurrentScope.Value = scope;
        return scope;
    }

    /// <summary>Ends the scope, restoring the one around it (disposing twice does nothing).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && ReferenceEquals(CurrentScope.Value, this))
        {
            CurrentScope.Value = _outer;
        }
    }

    /// <summary>This scope and every scope around it that is still open, innermost first.</summary>
    /// <remarks>A task started inside a scope keeps seeing it after the block ended; a disposed scope limits nothing.</remarks>
    internal IEnumerable<HubCostScope> Chain()
    {
        for (var scope = this; scope is not null; scope = scope._outer)
        {
            if (Volatile.Read(ref scope._disposed) == 0) yield return scope;
        }
    }
}
