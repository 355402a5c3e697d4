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

    /// <summary>The request as submitted (with the batch tag added).</summary>
    public CreateJobRequest Request { get; }

    /// <summary>The created job, when <see cref="Outcome"/> is <see cref="JobSubmissionOutcome.Created"/>.</summary>
    public Job? Job { get; }

    /// <summary>Why the submission failed, otherwise null.</summary>
    public Exception? Error { get; }

    /// <summary>Whether the job was created, refused, or its fate is unknown.</summary>
    public JobSubmissionOutcome Outcome { get; }

    /// <summary>True when the job was created.</summary>
    public bool Succeeded => Outcome == JobSubmissionOutcome.Created;
}
