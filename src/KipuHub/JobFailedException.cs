using KipuHub.Generated.Quantum;
using Newtonsoft.Json.Linq;

namespace KipuHub;

/// <summary>A job ended <c>FAILED</c>, <c>ABORTED</c> or <c>CANCELLED</c> while the caller expected a result.</summary>
public class JobFailedException : HubException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="job">The job in its final state.</param>
    public JobFailedException(Job job)
        : this(job, null)
    {
    }

    /// <summary>Creates the exception with the document the Hub answered for the failed job's result.</summary>
    /// <param name="job">The job in its final state.</param>
    /// <param name="failureResult">The body of <c>GET /jobs/{id}/result</c> for the FAILED job, or <see langword="null"/>.</param>
    public JobFailedException(Job job, JToken? failureResult)
        : base(Describe(job, MessageOf(failureResult)))
    {
        Job = job;
        FailureResult = failureResult;
        FailureMessage = MessageOf(failureResult);
    }

    /// <summary>The job in its final state.</summary>
    public Job Job { get; }

    /// <summary>The job's final status.</summary>
    public JobStatus? Status => Job.Status;

    /// <summary>The Hub's error detail (<c>error_data</c>), when it sent one.</summary>
    public JToken? ErrorData => Job.ErrorData as JToken ?? (Job.ErrorData is null ? null : JToken.FromObject(Job.ErrorData));

    /// <summary>
    /// The document the Hub answered for the FAILED job's result (it answers 200 with the failure, e.g. Quandela's
    /// <c>{duration, intermediate_results, job_id, results, results_type, shots}</c> with the error in <c>results</c>);
    /// <see langword="null"/> when the job did not fail, the Hub sent none, or it could not be read within the bounds of
    /// <see cref="HubQuantumClient.RunJobAsync"/> (64 KiB, 10 seconds).
    /// </summary>
    public JToken? FailureResult { get; }

    /// <summary>
    /// The error message in <see cref="FailureResult"/>: its <c>results</c> text (Quandela), else <c>error_data.message</c>,
    /// <c>message</c> or <c>error</c>; <see langword="null"/> when there is none.
    /// </summary>
    public string? FailureMessage { get; }

    private static string? MessageOf(JToken? failureResult)
    {
        if (failureResult is not JObject document) return failureResult is JValue { Type: JTokenType.String } text ? (string?)text : null;
        foreach (var candidate in new[] { document["results"], document["error_data"]?["message"], document["message"], document["error"] })
        {
            if (!string.IsNullOrWhiteSpace(Text(candidate))) return Text(candidate);
        }

        return null;
    }

    // Only a string member is a message; an object there must not make the exception's own constructor throw.
    private static string? Text(JToken? token) => token is JValue { Type: JTokenType.String } value ? (string?)value : null;

    private static string Describe(Job job, string? failureMessage)
    {
        var detail = job.ErrorData switch
        {
            null => null,
            JValue value => value.ToString(),
            JToken token => Text(token["message"]) ?? Text(token["error"]) ?? token.ToString(Newtonsoft.Json.Formatting.None),
            var other => other.ToString(),
        } ?? failureMessage;
        var what = job.Status == JobStatus.Cancelled ? "was cancelled" : $"ended {job.Status?.ToString() ?? "without a status"}";
        return $"Job '{job.Id}' on {job.BackendId ?? "its backend"} {what}" +
               (string.IsNullOrWhiteSpace(detail) ? "." : $": {detail}") +
               " Inspect Job.ErrorData and FailureResult, fix the input or backend, and submit a new job.";
    }
}
