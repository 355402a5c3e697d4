using KipuHub.Generated.Service;

namespace KipuHub;

/// <summary>A service execution ended <c>FAILED</c> or <c>CANCELLED</c> while the caller expected a result.</summary>
public class ServiceExecutionFailedException : HubException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="execution">The execution in its final state.</param>
    /// <param name="lastLogMessage">The newest log message, which usually says why.</param>
    public ServiceExecutionFailedException(ServiceExecution execution, string? lastLogMessage)
        : base($"Service execution '{execution?.Id}' ended {execution?.Status?.ToString() ?? "without a status"}" +
               (string.IsNullOrWhiteSpace(lastLogMessage) ? "." : $": {lastLogMessage}") +
               " Read its logs (GetLogsAsync) for details, fix the input, and start a new execution.")
    {
        Execution = execution!;
        LastLogMessage = lastLogMessage;
    }

    /// <summary>The execution in its final state.</summary>
    public ServiceExecution Execution { get; }

    /// <summary>The newest log message, if any.</summary>
    public string? LastLogMessage { get; }
}
