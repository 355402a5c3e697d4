using KipuHub.Generated.Quantum;

namespace KipuHub.Jobs;

/// <summary>
/// Stops a batch at its budget: once one item is refused for crossing <see cref="HubQuantumClientOptions.MaxCost"/> or a
/// <see cref="HubCostScope"/>, no later item is sent (each is <see cref="JobSubmissionOutcome.NotSent"/> with
/// <see cref="JobBudgetExceededException.BatchStopped"/>), so a smaller job cannot slip in after the budget was reached.
/// Items already past their reservation when the stop came were within the budget and go on.
/// </summary>
internal sealed class BatchBudgetStop(Func<int, CreateJobRequest, CancellationToken, Task<JobSubmission>> submitOnce)
{
    private JobBudgetExceededException? _stoppedBy;

    public async Task<JobSubmission> SubmitAsync(int index, CreateJobRequest request, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _stoppedBy) is { } stop)
        {
            return new JobSubmission(index, request, null, JobBudgetExceededException.AfterStop(stop), JobSubmissionOutcome.NotSent);
        }

        var result = await submitOnce(index, request, cancellationToken).ConfigureAwait(false);
        if (result.Error is JobBudgetExceededException refused)
        {
            Interlocked.CompareExchange(ref _stoppedBy, refused, null);
        }

        return result;
    }
}
