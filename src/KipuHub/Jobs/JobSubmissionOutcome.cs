namespace KipuHub.Jobs;

/// <summary>What is known about one submission of a batch.</summary>
public enum JobSubmissionOutcome
{
    /// <summary>The Hub created the job; <see cref="JobSubmission.Job"/> holds it.</summary>
    Created,

    /// <summary>The Hub refused the request (a 4xx answer): no job exists. Fix the request and submit again.</summary>
    Rejected,

    /// <summary>
    /// No answer arrived (timeout, connection failure, 429 or 5xx): the job may or may not exist. The SDK does not
    /// resubmit, so it never creates a duplicate; look for the submission's tag before submitting again.
    /// </summary>
    Unknown,

    /// <summary>
    /// The request provably never left this process (<see cref="HubRequestNotSentException"/>: a rate limiter or an
    /// open circuit breaker refused it): no job exists, so submitting the same request again is safe.
    /// <see cref="JobSubmission.Error"/> says why it was not sent.
    /// </summary>
    NotSent,
}
