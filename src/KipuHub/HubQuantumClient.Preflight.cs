using KipuHub.Generated.Quantum;
using KipuHub.Jobs;

namespace KipuHub;

/// <content>Preflight: a job checked against its backend's published limits before anything is sent.</content>
public partial class HubQuantumClient
{
    private BackendRecordCache? _backendCache;

    private BackendRecordCache BackendCache => _backendCache ??= new BackendRecordCache(Core.TimeProvider);

    private Task<Backend> BackendRecordAsync(string backendId, CancellationToken cancellationToken) =>
        BackendCache.GetAsync(BaseUrl, backendId, (id, ct) => Backends.GetBackendAsync(id, ct), cancellationToken);

    /// <inheritdoc />
    public virtual async Task<JobPreflightResult> ValidateJobAsync(CreateJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.BackendId, nameof(request));
        var backend = await BackendRecordAsync(request.BackendId, cancellationToken).ConfigureAwait(false);
        return JobPreflight.Check(request, backend, Core.TimeProvider.GetUtcNow());
    }

    /// <inheritdoc />
    public virtual async Task<JobCostEstimate> EstimateCostAsync(CreateJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.BackendId, nameof(request));
        var backend = await BackendRecordAsync(request.BackendId, cancellationToken).ConfigureAwait(false);
        return JobCostEstimator.Estimate(request, backend);
    }

    /// <summary>
    /// The submit path's check: with <see cref="HubQuantumClientOptions.ValidateBeforeSubmit"/> a failed preflight, with
    /// <see cref="HubQuantumClientOptions.MaxCost"/> or inside a <see cref="HubCostScope"/> a job over budget, throws
    /// before the POST. When the backend record cannot be read for a reason that says nothing about the job (5xx, 408,
    /// 429, timeout, broken connection, unreadable body), the failure becomes <see cref="HubRequestNotSentException"/>:
    /// nothing was POSTed, so it must not look like a submission whose job may exist.
    /// </summary>
    private async Task PreflightAsync(CreateJobRequest request, BatchBudgetStop? batch, CancellationToken cancellationToken)
    {
        try
        {
            await CheckBeforeSubmitAsync(request, batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsBackendReadFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw new HubRequestNotSentException(
                "POST /quantum/jobs",
                $"the check before submitting could not read backend '{request.BackendId}' (GET /backends/{request.BackendId} failed with {ex.GetType().Name}: {ex.Message}). No job was sent, so submitting again is safe; to submit without the check set HubQuantumClientOptions.ValidateBeforeSubmit to false (a budget, MaxCost or a HubCostScope, still needs the record).",
                ex);
        }
    }

    private static bool IsBackendReadFailure(Exception ex) => ex switch
    {
        HubResponseFormatException or HubTransportException or HubTimeoutException => true,
        // A refusal (unknown backend, bad token) is a problem the POST would share: it stays as it is (Rejected in a batch).
        HubApiException api => !api.IsRefusal,
        _ => false,
    };

    private async Task CheckBeforeSubmitAsync(CreateJobRequest request, BatchBudgetStop? batch, CancellationToken cancellationToken)
    {
        if (_validateBeforeSubmit)
        {
            var result = await ValidateJobAsync(request, cancellationToken).ConfigureAwait(false);
            if (!result.IsValid) throw new JobPreflightException(result);
        }

        // Every budget in force, the client's first: the reservation is all-or-nothing across them, and in a batch it
        // also honours the batch's stop (docs/beyond-the-official-sdks.md#cost-and-budget).
        var scopes = HubCostScope.Current?.Chain().ToList() ?? [];
        if (_budget is null && scopes.Count == 0) return;
        var budgets = scopes.Select(s => (s.Budget, (HubCostScope?)s)).ToList();
        if (_budget is not null) budgets.Insert(0, (_budget, null));
        var estimate = await EstimateCostAsync(request, cancellationToken).ConfigureAwait(false);
        if (HubCostBudget.TryReserve(estimate, budgets, batch, request) is { } refusal) throw refusal;
    }
}
