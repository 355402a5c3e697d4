namespace KipuHub.Jobs;

/// <summary>What is known about one submission of a batch.</summary>
public enum JobSubmissionOutcome
{
    /// <summary>The Hub created the job; <see cref="JobSubmission.Job"/> holds it.</summary>
    Created,

    /// <summary>The Hub refused the request (a 4xx answer): no job exists. Fix the request and submit again.</summary>
    Rejected,

    /// <summary>
    /// No answer arrived (timeout, connection failure, 429 or 5xx) and a search for the submission's tag could prove
    /// neither that the job exists nor that it does not (or the search was turned off). The SDK never resubmits it, so
    /// it never creates a duplicate; look for the submission's tag before submitting again.
    /// </summary>
    Unknown,

    /// <summary>
    /// The request provably never left this process (<see cref="HubRequestNotSentException"/>: a rate limiter or an
    /// open circuit breaker refused it): no job exists, so submitting the same request again is safe.
    /// <see cref="JobSubmission.Error"/> says why it was not sent.
    /// </summary>
    NotSent,

    /// <summary>
    /// The answer was lost, but a search of the newest jobs, reaching past every job created before the submission was
    /// sent, found no job with the submission's tag: no job exists, so submitting the same request again is safe
    /// (<see cref="JobBatchOptions.ResubmitWhenProvenNotCreated"/> does it). <see cref="JobSubmission.Error"/> says what
    /// went wrong.
    /// </summary>
    NotCreated,
}
