using KipuHub.Generated.Service;

namespace KipuHub.Emulator.Service;

/// <summary>An execution's status and timestamps at one instant, and why it failed.</summary>
internal readonly record struct ExecutionState(ServiceExecutionStatus Status, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string? Failure);
