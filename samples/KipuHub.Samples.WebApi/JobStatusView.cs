namespace KipuHub.Samples.WebApi;

/// <summary>What the sample reports about a job.</summary>
/// <param name="Id">The job id.</param>
/// <param name="Status">PENDING, RUNNING, COMPLETED, FAILED, CANCELLING or CANCELLED.</param>
internal sealed record JobStatusView(string Id, string Status);
