using KipuHub.Generated.Quantum;

namespace KipuHub.Emulator.Quantum;

/// <summary>
/// A session. Like jobs, its status is computed from the clock and its jobs: OPEN (no jobs yet), ACTIVE (a job is
/// pending or running), INACTIVE (all its jobs ended), DRAINING (closed or expired with jobs still running), CLOSED.
/// Closing or the ttl running out stops new submissions; <c>accept_jobs=false</c> pauses them.
/// </summary>
internal sealed class SessionRecord : WorkloadRecord
{
    private readonly object _gate = new();
    private readonly List<JobRecord> _jobs = [];
    private bool _acceptJobs = true;
    private DateTimeOffset? _closedAt;

    public required SessionMode Mode { get; init; }
    public required JToken? Metadata { get; init; }
    public required SessionSdkProvider? SdkProvider { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public required string ProviderId { get; init; }

    public IReadOnlyList<JobRecord> Jobs
    {
        get
        {
            lock (_gate)
            {
                return _jobs.ToArray();
            }
        }
    }

    /// <summary>Adds a job atomically with the acceptance check, so a job never slips into a session being closed.</summary>
    public void AddJob(JobRecord job, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (RejectionReason(now) is { } reason)
            {
                throw HttpProblemException.Unprocessable(reason);
            }

            _jobs.Add(job);
        }
    }

    public void SetAcceptJobs(bool accept, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (EndedAt(now) is { } ended)
            {
                throw HttpProblemException.Unprocessable($"Session {Id} ended at {ended:O} ({EndReason(now)}); its state can no longer change. Open a new session.");
            }

            _acceptJobs = accept;
        }
    }

    /// <summary>Closes the session; closing a closed or expired session changes nothing.</summary>
    public void Close(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (EndedAt(now) is null)
            {
                _closedAt = now;
            }
        }
    }

    public Session ToModel(DateTimeOffset now)
    {
        lock (_gate)
        {
            var states = _jobs.Select(j => j.StateAt(now)).ToList();
            var status = StatusAt(now, states);
            return new Session
            {
                Id = Id,
                BackendId = Backend.Id,
                Provider = new SessionProvider(Backend.Provider.ToString()),
                Status = status,
                Mode = Mode,
                CreatedAt = CreatedAt,
                StartedAt = states.Select(s => s.StartedAt).Where(s => s.HasValue).Min(),
                ClosedAt = status == SessionStatus.Closed ? ClosedAt(states, now) : null,
                ExpiresAt = ExpiresAt,
                UsageTimeMillis = (long)states.Where(s => s.StartedAt.HasValue && s.EndedAt.HasValue)
                    .Sum(s => (s.EndedAt!.Value - s.StartedAt!.Value).TotalMilliseconds),
                ProviderId = ProviderId,
                Tags = Tags?.ToList(),
                Metadata = Metadata,
                SdkProvider = SdkProvider,
                Final = status == SessionStatus.Closed || status == SessionStatus.Aborted,
                FinalNotAborted = status == SessionStatus.Closed,
                AcceptJobs = _acceptJobs && EndedAt(now) is null,
            };
        }
    }

    public SessionStatus StatusAt(DateTimeOffset now)
    {
        lock (_gate)
        {
            return StatusAt(now, _jobs.Select(j => j.StateAt(now)).ToList());
        }
    }

    private SessionStatus StatusAt(DateTimeOffset now, List<JobState> states)
    {
        var anyActive = states.Any(s => !s.IsTerminal);
        if (EndedAt(now) is not null)
        {
            return anyActive ? SessionStatus.Draining : SessionStatus.Closed;
        }

        return states.Count == 0 ? SessionStatus.Open : anyActive ? SessionStatus.Active : SessionStatus.Inactive;
    }

    private DateTimeOffset ClosedAt(List<JobState> states, DateTimeOffset now)
    {
        var ended = EndedAt(now) ?? now;
        var lastJob = states.Select(s => s.EndedAt).Where(e => e.HasValue).Max();
        return lastJob is { } last && last > ended ? last : ended;
    }

    /// <summary>When the session stopped taking jobs for good (closed or expired), or null while it is open.</summary>
    private DateTimeOffset? EndedAt(DateTimeOffset now)
    {
        if (_closedAt is { } closed)
        {
            return closed < ExpiresAt ? closed : ExpiresAt;
        }

        return now >= ExpiresAt ? ExpiresAt : null;
    }

    private string EndReason(DateTimeOffset now)
        => _closedAt is { } closed && closed < ExpiresAt ? "closed" : $"its ttl expired; expires_at was {ExpiresAt:O}";

    private string? RejectionReason(DateTimeOffset now)
    {
        if (EndedAt(now) is { } ended)
        {
            return $"Session {Id} no longer accepts jobs: it ended at {ended:O} ({EndReason(now)}). Open a new session or submit without session_id.";
        }

        return _acceptJobs
            ? null
            : $"Session {Id} does not accept jobs right now (accept_jobs is false). PATCH /sessions/{Id} with {{\"accept_jobs\": true}} to resume.";
    }
}
