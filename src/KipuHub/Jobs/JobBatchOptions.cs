namespace KipuHub.Jobs;

/// <summary>How to submit a batch of jobs.</summary>
public sealed class JobBatchOptions
{
    /// <summary>Submissions in flight at once. Default 8.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>
    /// The batch's id: each job of the batch gets the tag <c>kipuhub-batch:{id}:{index}</c> (added to a copy of its
    /// request), so that a submission whose outcome is <see cref="JobSubmissionOutcome.Unknown"/> can be found later.
    /// Default: a new GUID.
    /// </summary>
    public string? BatchId { get; init; }
}
