using KipuHub.Generated.Service;

namespace KipuHub.Emulator.Service;

/// <summary>A log entry and when it becomes visible.</summary>
internal sealed record LogLine(DateTimeOffset At, LogSeverity Severity, string Message);
