using KipuHub.Generated.Quantum;
using KipuHub.Generated.Service;

namespace KipuHub;

/// <summary>Which statuses are final, defined once for the whole SDK.</summary>
public static class HubStatusExtensions
{
    /// <summary>True for <c>COMPLETED</c>, <c>FAILED</c>, <c>ABORTED</c> and <c>CANCELLED</c>; a status this SDK does not know is not terminal.</summary>
    /// <param name="status">The job status.</param>
    public static bool IsTerminal(this JobStatus status) =>
        status == JobStatus.Completed || status == JobStatus.Failed || status == JobStatus.Aborted || status == JobStatus.Cancelled;

    /// <summary>True for <c>CLOSED</c> and <c>ABORTED</c>.</summary>
    /// <param name="status">The session status.</param>
    public static bool IsTerminal(this SessionStatus status) => status == SessionStatus.Closed || status == SessionStatus.Aborted;

    /// <summary>True for <c>SUCCEEDED</c>, <c>FAILED</c> and <c>CANCELLED</c>; <c>UNKNOWN</c> is not terminal.</summary>
    /// <param name="status">The service execution status.</param>
    public static bool IsTerminal(this ServiceExecutionStatus status) =>
        status == ServiceExecutionStatus.Succeeded || status == ServiceExecutionStatus.Failed || status == ServiceExecutionStatus.Cancelled;
}
