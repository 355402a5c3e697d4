using System.Globalization;
using KipuHub.Emulator.Quantum;
using KipuHub.Generated.Service;
using QuantumJobStatus = KipuHub.Generated.Quantum.JobStatus;

namespace KipuHub.Emulator.Service;

/// <summary>
/// One execution of a demo service. Its status is computed from the clock: PENDING, then RUNNING for at least the
/// running duration (the Bell sampler also until its job ends), then SUCCEEDED or FAILED; a cancel makes it CANCELLED.
/// </summary>
internal sealed class ServiceExecutionRecord : StoredRecord
{
    private readonly object _gate = new();
    private DateTimeOffset? _cancelledAt;

    public required string ServiceName { get; init; }
    public required DemoServiceKind Kind { get; init; }
    public required PhaseDurations Phases { get; init; }
    public required JToken Input { get; init; }

    /// <summary>A failure asked for with the <c>emulator_fail</c> request key.</summary>
    public required string? ForcedFailure { get; init; }

    /// <summary>The Bell sampler's Quantum job; set once right after the execution is stored.</summary>
    public JobRecord? Job { get; set; }

    public ExecutionState StateAt(DateTimeOffset now)
    {
        DateTimeOffset? cancelledAt;
        lock (_gate)
        {
            cancelledAt = _cancelledAt;
        }

        var startAt = CreatedAt + Phases.Pending;
        if (cancelledAt is { } c)
        {
            return new ExecutionState(ServiceExecutionStatus.Cancelled, c >= startAt ? startAt : null, c, null);
        }

        if (now < startAt)
        {
            return new ExecutionState(ServiceExecutionStatus.Pending, null, null, null);
        }

        var (endAt, failure) = Ending(now, startAt);
        if (endAt is not { } end || now < end)
        {
            return new ExecutionState(ServiceExecutionStatus.Running, startAt, null, null);
        }

        return failure is null
            ? new ExecutionState(ServiceExecutionStatus.Succeeded, startAt, end, null)
            : new ExecutionState(ServiceExecutionStatus.Failed, startAt, end, failure);
    }

    /// <summary>Cancels a PENDING or RUNNING execution (and its job); an ended one is left as it is.</summary>
    public void Cancel(DateTimeOffset now)
    {
        lock (_gate)
        {
            var state = StateAt(now);
            if (state.Status == ServiceExecutionStatus.Pending || state.Status == ServiceExecutionStatus.Running)
            {
                _cancelledAt = now;
                Job?.RequestCancel(now);
            }
        }
    }

    public ServiceExecution ToModel(DateTimeOffset now)
    {
        var state = StateAt(now);
        return new ServiceExecution
        {
            Id = Id,
            CreatedAt = Format(CreatedAt),
            StartedAt = state.StartedAt is { } s ? Format(s) : null,
            EndedAt = state.EndedAt is { } e ? Format(e) : null,
            Status = state.Status,
            Type = ServiceExecutionType.Managed,
            ServiceId = DemoServices.ServiceId(ServiceName),
            ServiceDefinitionId = DemoServices.ServiceId(ServiceName) + "@" + DemoServices.Version,
            ApplicationId = "emulator-application",
            Tags = [],
        };
    }

    /// <summary>The log lines visible at <paramref name="now"/>, oldest first.</summary>
    public IReadOnlyList<LogLine> LogsAt(DateTimeOffset now)
    {
        var state = StateAt(now);
        var lines = new List<LogLine> { new(CreatedAt, LogSeverity.Info, $"Execution {Id} of service '{ServiceName}' created.") };
        if (Job is { } job)
        {
            lines.Add(new(CreatedAt, LogSeverity.Info, $"Submitted Bell circuit as job {job.Id} to {job.Backend.Id} with {job.Shots} shots."));
        }

        if (state.StartedAt is { } started)
        {
            lines.Add(new(started, LogSeverity.Info, "Execution started."));
            if (Kind == DemoServiceKind.Echo)
            {
                lines.Add(new(started, LogSeverity.Debug, $"Echoing {Input.ToString(Newtonsoft.Json.Formatting.None).Length} characters of input."));
            }
        }

        if (Job is { } bellJob && bellJob.StateAt(now) is { IsTerminal: true, EndedAt: { } jobEnded } jobState)
        {
            lines.Add(new(jobEnded, LogSeverity.Info, $"Job {bellJob.Id} ended {jobState.Status}."));
        }

        if (state.EndedAt is { } ended)
        {
            lines.Add(state.Status == ServiceExecutionStatus.Succeeded ? new(ended, LogSeverity.Info, "Execution succeeded.")
                : state.Status == ServiceExecutionStatus.Failed ? new(ended, LogSeverity.Error, $"Execution failed: {state.Failure}")
                : new(ended, LogSeverity.Warning, "Execution cancelled."));
        }

        return lines.Where(l => l.At <= now).OrderBy(l => l.At).ToList();
    }

    private (DateTimeOffset? EndAt, string? Failure) Ending(DateTimeOffset now, DateTimeOffset startAt)
    {
        var minimumEnd = startAt + Phases.Running;
        if (Job is not { } job)
        {
            return (minimumEnd, ForcedFailure);
        }

        var jobState = job.StateAt(now);
        if (!jobState.IsTerminal || jobState.EndedAt is not { } jobEnd)
        {
            return (null, null);
        }

        var failure = jobState.Status == QuantumJobStatus.Completed ? null
            : $"job {job.Id} ended {jobState.Status}{(job.PlannedFailure is { } f ? ": " + f.Message : string.Empty)}";
        return (jobEnd > minimumEnd ? jobEnd : minimumEnd, failure);
    }

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
