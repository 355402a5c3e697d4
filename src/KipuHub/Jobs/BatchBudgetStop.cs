using System.Runtime.CompilerServices;
using KipuHub.Generated.Quantum;

namespace KipuHub.Jobs;

/// <summary>
/// Stops a batch at its budget: once one item is refused for crossing a budget (<see cref="HubQuantumClientOptions.MaxCost"/>,
/// <see cref="HubQuantumClientOptions.CostBudget"/> or a <see cref="HubCostScope"/>), no later reservation succeeds, so
/// no item is POSTed after it; each later item is <see cref="JobSubmissionOutcome.NotSent"/> with
/// <see cref="JobBudgetExceededException.BatchStopped"/>. The stop is checked and set in
/// <see cref="HubCostBudget.TryReserve"/> under the budgets' lock, so an item whose estimate was still being fetched
/// cannot slip in after the stop. Items that reserved before it were within the budget and go on.
/// </summary>
internal sealed class BatchBudgetStop(Func<int, CreateJobRequest, BatchBudgetStop, CancellationToken, Task<JobSubmission>> submitOnce)
{
    // The submissions (batch copies, by reference) holding a reservation: a resubmission keeps it rather than taking another.
    private readonly ConditionalWeakTable<object, object> _reserved = [];
    private JobBudgetExceededException? _stoppedBy;

    /// <summary>Gets or sets the refusal that stopped the batch; set under the budgets' lock, read anywhere.</summary>
    public JobBudgetExceededException? StoppedBy
    {
        get => Volatile.Read(ref _stoppedBy);
        set => Volatile.Write(ref _stoppedBy, value);
    }

    public bool HasReserved(object request) => _reserved.TryGetValue(request, out _);

    public void MarkReserved(object request) => _reserved.AddOrUpdate(request, request);

    public async Task<JobSubmission> SubmitAsync(int index, CreateJobRequest request, CancellationToken cancellationToken)
    {
        // No estimate fetched for an item that starts after the stop.
        if (StoppedBy is { } stop)
        {
            return new JobSubmission(index, request, null, JobBudgetExceededException.AfterStop(stop), JobSubmissionOutcome.NotSent);
        }

        // The batch goes along to the client's preflight, which reserves against the budgets and this stop together.
        return await submitOnce(index, request, this, cancellationToken).ConfigureAwait(false);
    }
}
