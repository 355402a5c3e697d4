using KipuHub.Generated.Quantum;

namespace KipuHub.Jobs;

/// <summary>The result of submitting one request of a batch.</summary>
public sealed class JobSubmission
{
    internal JobSubmission(int index, CreateJobRequest request, Job? job, Exception? error, JobSubmissionOutcome outcome)
    {
        Index = index;
        Request = request;
        Job = job;
        Error = error;
        Outcome = outcome;
    }

    /// <summary>Position of the request in the batch.</summary>
    public int Index { get; }

    /// <summary>
    /// The request as submitted: a copy of the one passed in, with the batch tag (<c>kipuhub-batch:{batchId}:{index}</c>)
    /// added to its own <c>Tags</c>. The caller's request is never changed.
    /// </summary>
    public CreateJobRequest Request { get; }

    /// <summary>The created job, when <see cref="Outcome"/> is <see cref="JobSubmissionOutcome.Created"/>.</summary>
    public Job? Job { get; }

    /// <summary>Why the submission failed, otherwise null.</summary>
    public Exception? Error { get; }

    /// <summary>
    /// Whether the job was created, refused, never sent (safe to submit again), or its fate is unknown (look for the
    /// batch tag in <see cref="Request"/> before submitting again).
    /// </summary>
    public JobSubmissionOutcome Outcome { get; }

    /// <summary>True when the job was created.</summary>
    public bool Succeeded => Outcome == JobSubmissionOutcome.Created;
}
