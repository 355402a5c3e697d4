using KipuHub.Generated.Quantum;
using Newtonsoft.Json.Linq;

namespace KipuHub;

/// <summary>A job ended <c>FAILED</c>, <c>ABORTED</c> or <c>CANCELLED</c> while the caller expected a result.</summary>
public class JobFailedException : HubException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="job">The job in its final state.</param>
    public JobFailedException(Job job)
        : base(Describe(job))
    {
        Job = job;
    }

    /// <summary>The job in its final state.</summary>
    public Job Job { get; }

    /// <summary>The job's final status.</summary>
    public JobStatus? Status => Job.Status;

    /// <summary>The Hub's error detail (<c>error_data</c>), when it sent one.</summary>
    public JToken? ErrorData => Job.ErrorData as JToken ?? (Job.ErrorData is null ? null : JToken.FromObject(Job.ErrorData));

    private static string Describe(Job job)
    {
        var detail = job.ErrorData switch
        {
            null => null,
            JValue value => value.ToString(),
            JToken token => (string?)token["message"] ?? (string?)token["error"] ?? token.ToString(Newtonsoft.Json.Formatting.None),
            var other => other.ToString(),
        };
        var what = job.Status == JobStatus.Cancelled ? "was cancelled" : $"ended {job.Status?.ToString() ?? "without a status"}";
        return $"Job '{job.Id}' on {job.BackendId ?? "its backend"} {what}" +
               (string.IsNullOrWhiteSpace(detail) ? "." : $": {detail}") +
               " Inspect Job.ErrorData, fix the input or backend, and submit a new job.";
    }
}
