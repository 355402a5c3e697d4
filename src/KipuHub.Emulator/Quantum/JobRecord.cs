using KipuHub.Emulator.Simulation;
using KipuHub.Generated.Quantum;

namespace KipuHub.Emulator.Quantum;

/// <summary>
/// A submitted job. Its status is never stored: it is computed from the clock on every read (PENDING for the pending
/// duration, then RUNNING, then COMPLETED or FAILED), so the emulator needs no timers and a fake
/// <see cref="TimeProvider"/> moves jobs along deterministically. Only a cancellation request is recorded.
/// </summary>
internal sealed class JobRecord : WorkloadRecord
{
    private readonly object _gate = new();
    private readonly Lazy<JobResultDocument> _result;
    private DateTimeOffset? _cancelRequestedAt;

    public JobRecord()
    {
        _result = new Lazy<JobResultDocument>(ComputeResult, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public required string? Name { get; init; }
    public required int Shots { get; init; }
    public required string InputJson { get; init; }
    public required JobInputFormat InputFormat { get; init; }
    public required JObject? InputParams { get; init; }
    public required string? SessionId { get; init; }
    public required JobSdkProvider? SdkProvider { get; init; }
    public required string ProviderJobId { get; init; }
    public required PhaseDurations Phases { get; init; }

    /// <summary>True on a PAUSED backend: the job stays PENDING.</summary>
    public required bool Stalled { get; init; }

    public required JobFailure? PlannedFailure { get; init; }
    public required QuantumProgram Program { get; init; }
    public required int Seed { get; init; }
    public required bool KeepMemory { get; init; }

    /// <summary>Pads the result document to this many bytes (a test hook for large results); 0 = no padding.</summary>
    public required long ResultBytes { get; init; }

    public JobState StateAt(DateTimeOffset now)
    {
        DateTimeOffset? cancelAt;
        lock (_gate)
        {
            cancelAt = _cancelRequestedAt;
        }

        return Timeline(now, cancelAt);
    }

    public CancelOutcome RequestCancel(DateTimeOffset now)
    {
        lock (_gate)
        {
            var state = Timeline(now, _cancelRequestedAt);
            if (state.Status == JobStatus.Cancelling || state.Status == JobStatus.Cancelled)
            {
                return CancelOutcome.AlreadyCancelled;
            }

            if (state.IsTerminal)
            {
                return CancelOutcome.AlreadyEnded;
            }

            _cancelRequestedAt = now;
            return CancelOutcome.Accepted;
        }
    }

    /// <summary>The result document; simulated once, on first use.</summary>
    public JobResultDocument Result => _result.Value;

    public Job ToModel(DateTimeOffset now)
    {
        var state = StateAt(now);
        return new Job
        {
            Id = Id,
            Name = Name,
            BackendId = Backend.Id,
            Provider = Backend.JobProvider,
            ProviderJobId = ProviderJobId,
            InputParams = InputParams,
            InputFormat = InputFormat,
            Tags = Tags?.ToList(),
            Status = state.Status,
            CreatedAt = CreatedAt,
            StartedAt = state.StartedAt,
            EndedAt = state.EndedAt,
            Runtime = state.StartedAt is { } s && state.EndedAt is { } e ? (long)(e - s).TotalMilliseconds : null,
            Shots = Shots,
            SessionId = SessionId,
            SdkProvider = SdkProvider,
            ErrorData = state.Status == JobStatus.Failed && PlannedFailure is { } f
                ? new JObject { ["code"] = f.Code, ["message"] = f.Message }
                : null,
        };
    }

    private JobState Timeline(DateTimeOffset now, DateTimeOffset? cancelAt)
    {
        DateTimeOffset? pendingEnd = Stalled ? null : CreatedAt + Phases.Pending;
        if (cancelAt is { } c)
        {
            DateTimeOffset? started = pendingEnd is { } p && c >= p ? p : null;
            var cancelledAt = c + Phases.Cancelling;
            return now < cancelledAt
                ? new JobState(JobStatus.Cancelling, started, null)
                : new JobState(JobStatus.Cancelled, started, cancelledAt);
        }

        if (pendingEnd is not { } runStart || now < runStart)
        {
            return new JobState(JobStatus.Pending, null, null);
        }

        var runEnd = runStart + Phases.Running;
        if (now < runEnd)
        {
            return new JobState(JobStatus.Running, runStart, null);
        }

        return new JobState(PlannedFailure is null ? JobStatus.Completed : JobStatus.Failed, runStart, runEnd);
    }

    private JobResultDocument ComputeResult()
    {
        var outcome = Sampler.Sample(Program, Shots, Seed, KeepMemory);
        var body = new JObject
        {
            ["job_id"] = Id,
            ["backend_id"] = Backend.Id,
            ["shots"] = Shots,
            ["counts"] = JObject.FromObject(outcome.Counts),
        };
        if (Backend.InputType == "AZURE_IONQ_SIMULATOR")
        {
            // IonQ reports exact probabilities; keys use the same bitstrings as counts (qubit 0 rightmost).
            body["qubits"] = Program.QubitCount;
            body["histogram"] = JObject.FromObject(outcome.Probabilities);
        }
        else
        {
            body["measured_qubits"] = new JArray(Program.Readout.Where(q => q >= 0).Select(q => (object)q).ToArray());
        }

        if (outcome.Memory is { } memory)
        {
            body["memory"] = new JArray(memory);
        }

        return JobResultDocument.Create(body, ResultBytes);
    }
}
