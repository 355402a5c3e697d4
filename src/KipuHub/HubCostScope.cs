using KipuHub.Jobs;

namespace KipuHub;

/// <summary>
/// A budget for the jobs submitted inside a block, on any <see cref="HubQuantumClient"/>:
/// <c>using var budget = HubCostScope.Begin(25m);</c>. Each submission's estimate
/// (<see cref="IHubQuantumClient.EstimateCostAsync"/>) is reserved before its POST; one that would cross the budget is
/// refused with <see cref="JobBudgetExceededException"/> and sends nothing, and a batch stops there.
/// </summary>
/// <remarks>
/// <para>
/// The scope flows with the async context (<see cref="AsyncLocal{T}"/>), like <see cref="HubRequestContext"/>: to awaited
/// calls and tasks started inside it. Scopes nest: a submission must fit every open scope (and the client's
/// <see cref="HubQuantumClientOptions.MaxCost"/>), and is counted in all of them. Disposing a scope restores the one
/// around it; its figures stay readable.
/// </para>
/// <para>
/// A reservation is kept when its POST then fails: the job may exist, and a budget errs on the side of spending less.
/// Amounts are the backends' own currency (the emulator and the Hub's price lists use USD); the scope does not convert.
/// </para>
/// </remarks>
public sealed class HubCostScope : IDisposable
{
    private static readonly AsyncLocal<HubCostScope?> CurrentScope = new();

    // One lock for every scope: a reservation in nested scopes is all-or-nothing, and reservations are tiny.
    private static readonly Lock Gate = new();

    private readonly HubCostScope? _outer;
    private readonly List<JobCostEstimate> _submitted = [];
    private readonly List<JobCostEstimate> _refused = [];
    private decimal _spent;
    private int _disposed;

    private HubCostScope(decimal maxCost, HubCostScope? outer)
    {
        MaxCost = maxCost;
        _outer = outer;
    }

    /// <summary>Gets the innermost open scope here, or <see langword="null"/> outside any.</summary>
    public static HubCostScope? Current => CurrentScope.Value;

    /// <summary>Gets the budget of this scope, in the backends' currency.</summary>
    public decimal MaxCost { get; }

    /// <summary>Gets the sum of the estimates of the submissions let through in this scope.</summary>
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

    /// <summary>Gets the estimates of the submissions this scope refused (nothing was sent for them), in order.</summary>
    public IReadOnlyList<JobCostEstimate> Refused
    {
        get
        {
            lock (Gate) return [.. _refused];
        }
    }

    /// <summary>Begins a scope with a budget of <paramref name="maxCost"/>; dispose it to end the scope.</summary>
    /// <param name="maxCost">The most the submissions inside may cost together, in the backends' currency (0 lets only free jobs through).</param>
    /// <returns>The scope, which reports what was spent and refused.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCost"/> is negative.</exception>
    public static HubCostScope Begin(decimal maxCost)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCost);
        var scope = new HubCostScope(maxCost, CurrentScope.Value);
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

    /// <summary>Reserves <paramref name="estimate"/> in this scope and every scope around it, or in none.</summary>
    /// <returns><see langword="null"/> when reserved; else the scope that refused it (the estimate is recorded there as refused).</returns>
    internal HubCostScope? TryReserve(JobCostEstimate estimate)
    {
        lock (Gate)
        {
            for (var scope = this; scope is not null; scope = scope._outer)
            {
                if (scope._spent + estimate.Total > scope.MaxCost)
                {
                    scope._refused.Add(estimate);
                    return scope;
                }
            }

            for (var scope = this; scope is not null; scope = scope._outer)
            {
                scope._spent += estimate.Total;
                scope._submitted.Add(estimate);
            }

            return null;
        }
    }
}
