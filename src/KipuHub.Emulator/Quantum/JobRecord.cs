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
    /// <summary>The compiled circuit of a gate-based job; null for a Perceval job (<see cref="Perceval"/>).</summary>
    public required QuantumProgram? Program { get; init; }

    /// <summary>The Perceval run of a Quandela job; null for a gate-based job.</summary>
    public PercevalRun? Perceval { get; init; }
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

    /// <summary>
    /// What <c>GET /jobs/{id}/result</c> answers (200) for a FAILED job (hub-facts-2026.md Quantum API 4): the Quandela
    /// envelope with the error message in <c>results</c>; for other backends the emulator's own
    /// <c>{job_id, backend_id, status, error_data}</c> (their shape is not observed).
    /// </summary>
    public JobResultDocument FailureResult(JobState state)
    {
        var failure = PlannedFailure!;
        var body = Perceval is not null
            ? Envelope(RunSeconds(state), failure.Message, resultsType: null, Perceval.Shots)
            : new JObject
            {
                ["job_id"] = Id,
                ["backend_id"] = Backend.Id,
                ["status"] = state.Status.ToString(),
                ["error_data"] = new JObject { ["code"] = failure.Code, ["message"] = failure.Message },
            };
        return JobResultDocument.Create(body, ResultBytes);
    }

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
        if (Perceval is not null)
        {
            var results = NewtonsoftJson.Serialize(Perceval.Sample(Seed));
            return JobResultDocument.Create(Envelope(Phases.Running.TotalSeconds, results, Perceval.Command, Perceval.Shots), ResultBytes);
        }

        var program = Program!;
        var outcome = Sampler.Sample(program, Shots, Seed, KeepMemory);
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
            body["qubits"] = program.QubitCount;
            body["histogram"] = JObject.FromObject(outcome.Probabilities);
        }
        else
        {
            body["measured_qubits"] = new JArray(program.Readout.Where(q => q >= 0).Select(q => (object)q).ToArray());
        }

        if (outcome.Memory is { } memory)
        {
            body["memory"] = new JArray(memory);
        }

        return JobResultDocument.Create(body, ResultBytes);
    }

    private static double? RunSeconds(JobState state) => state.StartedAt is { } s && state.EndedAt is { } e ? (e - s).TotalSeconds : null;

    /// <summary>The Quandela result envelope <c>{duration, intermediate_results, job_id, results, results_type, shots}</c>; <c>results</c> is a string.</summary>
    private JObject Envelope(double? duration, string results, string? resultsType, int shots) => new()
    {
        ["duration"] = duration,
        ["intermediate_results"] = new JArray(),
        ["job_id"] = Id,
        ["results"] = results,
        ["results_type"] = resultsType,
        ["shots"] = shots,
    };
}
