using KipuHub.Generated.Quantum;
using KipuHub.Jobs;

namespace KipuHub;

/// <content>Preflight: a job checked against its backend's published limits before anything is sent.</content>
public partial class HubQuantumClient
{
    private BackendRecordCache? _backendCache;

    private BackendRecordCache BackendCache => _backendCache ??= new BackendRecordCache((id, ct) => Backends.GetBackendAsync(id, ct), Core.TimeProvider);

    /// <inheritdoc />
    public virtual async Task<JobPreflightResult> ValidateJobAsync(CreateJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.BackendId, nameof(request));
        var backend = await BackendCache.GetAsync(request.BackendId, cancellationToken).ConfigureAwait(false);
        return JobPreflight.Check(request, backend, Core.TimeProvider.GetUtcNow());
    }

    /// <inheritdoc />
    public virtual async Task<JobCostEstimate> EstimateCostAsync(CreateJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.BackendId, nameof(request));
        var backend = await BackendCache.GetAsync(request.BackendId, cancellationToken).ConfigureAwait(false);
        return JobCostEstimator.Estimate(request, backend);
    }

    /// <summary>The submit path's check: with <see cref="HubQuantumClientOptions.ValidateBeforeSubmit"/> a failed preflight, with <see cref="HubQuantumClientOptions.MaxCost"/> or inside a <see cref="HubCostScope"/> a job over budget, throws before the POST.</summary>
    private async Task PreflightAsync(CreateJobRequest request, CancellationToken cancellationToken)
    {
        if (_validateBeforeSubmit)
        {
            var result = await ValidateJobAsync(request, cancellationToken).ConfigureAwait(false);
            if (!result.IsValid) throw new JobPreflightException(result);
        }

        var scope = HubCostScope.Current;
        if (_budget is null && scope is null) return;
        var estimate = await EstimateCostAsync(request, cancellationToken).ConfigureAwait(false);
        if (_budget is not null && !_budget.TryReserve(estimate.Total, out var spent)) throw new JobBudgetExceededException(_budget.Max, spent, estimate);
        if (scope?.TryReserve(estimate) is { } refusing)
        {
            _budget?.Release(estimate.Total);
            throw new JobBudgetExceededException(refusing.MaxCost, refusing.Spent, estimate, refusing);
        }
    }
}
