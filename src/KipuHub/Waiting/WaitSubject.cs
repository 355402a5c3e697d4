namespace KipuHub.Waiting;

/// <summary>
/// What a wait is for, and how that is named in messages, spans and metrics, so every wait (job, session, service
/// execution) is recorded the same way: one span <c>KipuHub.WaitFor{Kind}</c> with the id, the final status and the
/// number of polls, and one <c>kipuhub.polls</c> count per status request tagged <c>kipuhub.subject</c>.
/// </summary>
/// <param name="Name">The subject in messages, e.g. "job".</param>
/// <param name="MetricTag">The <c>kipuhub.subject</c> tag, e.g. "job".</param>
/// <param name="SpanName">The wait's span, e.g. "KipuHub.WaitForJob".</param>
internal sealed record WaitSubject(string Name, string MetricTag, string SpanName)
{
    /// <summary>A quantum job.</summary>
    public static WaitSubject Job { get; } = new("job", "job", "KipuHub.WaitForJob");

    /// <summary>A session.</summary>
    public static WaitSubject Session { get; } = new("session", "session", "KipuHub.WaitForSession");

    /// <summary>A service execution.</summary>
    public static WaitSubject ServiceExecution { get; } = new("service execution", "service_execution", "KipuHub.WaitForServiceExecution");

    /// <summary>Gets the span tag carrying the id, e.g. <c>kipuhub.job.id</c>.</summary>
    public string IdTag => $"kipuhub.{MetricTag}.id";

    /// <summary>Gets the span tag carrying the final status, e.g. <c>kipuhub.job.status</c>.</summary>
    public string StatusTag => $"kipuhub.{MetricTag}.status";
}
