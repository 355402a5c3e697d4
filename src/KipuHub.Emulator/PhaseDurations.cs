namespace KipuHub.Emulator;

/// <summary>
/// How long a job or a service execution stays in each phase, from its creation: PENDING, then RUNNING; a cancel takes
/// <see cref="Cancelling"/> to complete (zero for executions, which are cancelled at once).
/// </summary>
internal readonly record struct PhaseDurations(TimeSpan Pending, TimeSpan Running, TimeSpan Cancelling);
