namespace KipuHub.Jobs;

/// <summary>How to submit a batch of jobs.</summary>
public sealed class JobBatchOptions
{
    /// <summary>Submissions in flight at once. Default 8.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>
    /// The batch's id: each job of the batch gets the tag <c>kipuhub-batch:{id}:{index}</c> (added to a copy of its
    /// request), its client token, by which a submission whose answer was lost is looked up. Default: a new GUID.
    /// </summary>
    public string? BatchId { get; init; }

    /// <summary>
    /// After an ambiguous failure (timeout, connection reset, 429, 5xx, an unreadable 201), look for the submission's
    /// token among the newest jobs and report it <see cref="JobSubmissionOutcome.Created"/> (with the job) or
    /// <see cref="JobSubmissionOutcome.NotCreated"/>. Costs one <c>GET /jobs</c> before the batch (the boundary of the
    /// search) and, only when something was ambiguous, a search of bounded pages. Default true.
    /// </summary>
    public bool ResolveAmbiguousSubmissions { get; init; } = true;

    /// <summary>
    /// Submit again, once per round, every submission proven not created (<see cref="JobSubmissionOutcome.NotCreated"/>
    /// or <see cref="JobSubmissionOutcome.NotSent"/>). A submission that stays <see cref="JobSubmissionOutcome.Unknown"/>
    /// is never submitted again. Default false. Needs <see cref="ResolveAmbiguousSubmissions"/>.
    /// </summary>
    public bool ResubmitWhenProvenNotCreated { get; init; }

    /// <summary>How many rounds of resubmission <see cref="ResubmitWhenProvenNotCreated"/> makes at most. Default 3.</summary>
    public int MaxResubmitRounds { get; init; } = 3;

    /// <summary>
    /// How many of the newest jobs a search reads at most before it gives up (what it has not found then stays
    /// <see cref="JobSubmissionOutcome.Unknown"/>). Default null: twice the batch size plus 200.
    /// </summary>
    public int? MaxJobsSearched { get; init; }

    /// <summary>
    /// How long to wait (on the client's <see cref="TimeProvider"/>) before searching, so that a request the Hub was
    /// still handling when its answer was lost has finished. Default 2 seconds.
    /// </summary>
    public TimeSpan ResolveDelay { get; init; } = TimeSpan.FromSeconds(2);
}
