using KipuHub.Generated.Quantum;

namespace KipuHub.Jobs;

/// <summary>The result of submitting one request of a batch.</summary>
/// <remarks>
/// Newtonsoft.Json and System.Text.Json write it alike: the outcome as its name, and an <see cref="Error"/> as its type, message
/// and (for HTTP errors) status code only, never its stack trace, headers or body.
/// </remarks>
public sealed class JobSubmission
{
    internal JobSubmission(int index, CreateJobRequest request, Job? job, Exception? error, JobSubmissionOutcome outcome, int attempts = 1, bool resolvedBySearch = false)
    {
        Attempts = attempts;
        ResolvedBySearch = resolvedBySearch;
        Index = index;
        Request = request;
        Job = job;
        Error = error;
        Outcome = outcome;
    }

    /// <summary>Position of the request in the batch.</summary>
    [Newtonsoft.Json.JsonProperty("index")]
    [System.Text.Json.Serialization.JsonPropertyName("index")]
    public int Index { get; }

    /// <summary>
    /// The request as submitted: a copy of the one passed in, with the batch tag (<c>kipuhub-batch:{batchId}:{index}</c>)
    /// added to its own <c>Tags</c>. The caller's request is never changed.
    /// </summary>
    [Newtonsoft.Json.JsonProperty("request")]
    [System.Text.Json.Serialization.JsonPropertyName("request")]
    public CreateJobRequest Request { get; }

    /// <summary>The created job, when <see cref="Outcome"/> is <see cref="JobSubmissionOutcome.Created"/>.</summary>
    [Newtonsoft.Json.JsonProperty("job")]
    [System.Text.Json.Serialization.JsonPropertyName("job")]
    public Job? Job { get; }

    /// <summary>Why the submission failed, otherwise null.</summary>
    [Newtonsoft.Json.JsonProperty("error")]
    [Newtonsoft.Json.JsonConverter(typeof(KipuHub.Internal.Json.ExceptionSummaryNewtonsoftConverter))]
    [System.Text.Json.Serialization.JsonPropertyName("error")]
    [System.Text.Json.Serialization.JsonConverter(typeof(KipuHub.Internal.Json.ExceptionSummarySystemTextJsonConverter))]
    public Exception? Error { get; }

    /// <summary>
    /// Whether the job was created, refused, never sent or proven not created (safe to submit again), or its fate is
    /// unknown (look for the batch tag in <see cref="Request"/> before submitting again).
    /// </summary>
    [Newtonsoft.Json.JsonProperty("outcome")]
    [Newtonsoft.Json.JsonConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
    [System.Text.Json.Serialization.JsonPropertyName("outcome")]
    [System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<JobSubmissionOutcome>))]
    public JobSubmissionOutcome Outcome { get; }

    /// <summary>How many times the request was POSTed: 1, more only with <see cref="JobBatchOptions.ResubmitWhenProvenNotCreated"/>.</summary>
    [Newtonsoft.Json.JsonProperty("attempts")]
    [System.Text.Json.Serialization.JsonPropertyName("attempts")]
    public int Attempts { get; }

    /// <summary>
    /// True when the outcome (<see cref="JobSubmissionOutcome.Created"/> or <see cref="JobSubmissionOutcome.NotCreated"/>)
    /// was established by searching for the submission's tag after its answer was lost; <see cref="Error"/> then holds
    /// that lost answer's error.
    /// </summary>
    [Newtonsoft.Json.JsonProperty("resolved_by_search")]
    [System.Text.Json.Serialization.JsonPropertyName("resolved_by_search")]
    public bool ResolvedBySearch { get; }

    /// <summary>This submission as the <paramref name="attempts"/>th POST of its request.</summary>
    internal JobSubmission WithAttempts(int attempts) => new(Index, Request, Job, Error, Outcome, attempts, ResolvedBySearch);

    /// <summary>True when the job was created.</summary>
    [Newtonsoft.Json.JsonProperty("succeeded")]
    [System.Text.Json.Serialization.JsonPropertyName("succeeded")]
    public bool Succeeded => Outcome == JobSubmissionOutcome.Created;
}
