using KipuHub.Generated.Quantum;

namespace KipuHub.Emulator.Quantum;

/// <summary>A job's status and timestamps at one instant.</summary>
internal readonly record struct JobState(JobStatus Status, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt)
{
    public bool IsTerminal => Status == JobStatus.Completed || Status == JobStatus.Failed
        || Status == JobStatus.Cancelled || Status == JobStatus.Aborted;
}
