using KipuHub.Generated.Quantum;

namespace KipuHub.Jobs;

/// <summary>
/// The rounds after a batch's first POSTs: ambiguous submissions are looked up by their token, and (opt-in) those
/// proven not created are submitted again. A submission is POSTed again only when it is proven that no job of it exists.
/// </summary>
internal sealed class BatchResolution(
    SubmissionResolver resolver,
    TimeProvider time,
    JobBatchOptions options,
    string batchId,
    Func<int, CreateJobRequest, CancellationToken, Task<JobSubmission>> submitOnce)
{
    /// <summary>The client token of item <paramref name="index"/>: the batch tag its request carries.</summary>
    public static string Token(string batchId, int index) => $"kipuhub-batch:{batchId}:{index}";

    /// <summary>Refuses resolution settings that make no sense, before anything is sent.</summary>
    public static void Validate(JobBatchOptions options)
    {
        if (options.MaxResubmitRounds < 0) throw new ArgumentOutOfRangeException(nameof(options), options.MaxResubmitRounds, "JobBatchOptions.MaxResubmitRounds must be 0 or more.");
        if (options.MaxJobsSearched is < 1) throw new ArgumentOutOfRangeException(nameof(options), options.MaxJobsSearched, "JobBatchOptions.MaxJobsSearched must be at least 1.");
        if (options.ResolveDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), options.ResolveDelay, "JobBatchOptions.ResolveDelay must not be negative.");
    }

    /// <summary>Resolves <paramref name="results"/> in place; <paramref name="anchor"/> was taken before the first POSTs.</summary>
    public async Task CompleteAsync(JobSubmission[] results, SubmissionResolver.Anchor anchor, CancellationToken cancellationToken)
    {
        IReadOnlyList<int> pending = Enumerable.Range(0, results.Length).ToList();
        var maxJobs = options.MaxJobsSearched ?? (2 * results.Length) + 200;
        for (var round = 0; ; round++)
        {
            await ResolveAsync(results, pending, anchor, maxJobs, cancellationToken).ConfigureAwait(false);
            if (!options.ResubmitWhenProvenNotCreated || round >= options.MaxResubmitRounds) return;
            // A budget refusal is final: POSTing again would cross the same budget (and the batch has stopped).
            var retry = pending.Where(i => results[i].Outcome is JobSubmissionOutcome.NotCreated or JobSubmissionOutcome.NotSent && results[i].Error is not JobBudgetExceededException).ToList();
            if (retry.Count == 0) return;

            // A new boundary for the new round: what it creates is newer than the newest job now.
            anchor = await resolver.TakeAnchorAsync(cancellationToken).ConfigureAwait(false);
            await Parallel.ForEachAsync(retry,
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken },
                async (index, ct) =>
                {
                    var attempts = results[index].Attempts + 1;
                    results[index] = (await submitOnce(index, results[index].Request, ct).ConfigureAwait(false)).WithAttempts(attempts);
                }).ConfigureAwait(false);
            pending = retry;
        }
    }

    private async Task ResolveAsync(JobSubmission[] results, IReadOnlyList<int> pending, SubmissionResolver.Anchor anchor, int maxJobs, CancellationToken cancellationToken)
    {
        var unknown = pending.Where(i => results[i].Outcome == JobSubmissionOutcome.Unknown).ToList();
        if (unknown.Count == 0) return;

        // Let a request the Hub was still handling when its answer was lost finish before its absence is judged.
        if (options.ResolveDelay > TimeSpan.Zero) await Task.Delay(options.ResolveDelay, time, cancellationToken).ConfigureAwait(false);
        var resolution = await resolver.FindAsync(unknown.Select(i => Token(batchId, i)).ToList(), anchor, maxJobs, cancellationToken).ConfigureAwait(false);
        foreach (var index in unknown)
        {
            var before = results[index];
            if (resolution.Found.TryGetValue(Token(batchId, index), out var job))
                results[index] = new JobSubmission(index, before.Request, job, before.Error, JobSubmissionOutcome.Created, before.Attempts, resolvedBySearch: true);
            else if (resolution.AbsenceProven)
                results[index] = new JobSubmission(index, before.Request, null, before.Error, JobSubmissionOutcome.NotCreated, before.Attempts, resolvedBySearch: true);
        }
    }
}
