namespace KipuHub.Waiting;

/// <summary>
/// How to poll while waiting for a job, session or service execution to finish.
/// </summary>
/// <remarks>
/// The default policy polls once right away, then every <see cref="MinInterval"/> (1 s), then lets the interval grow
/// with the time already waited (<see cref="ElapsedFraction"/>, 10 %) up to <see cref="MaxInterval"/> (30 s). So a job
/// is noticed at most max(1 s, 10 % of its run time) and at most 30 s after it finishes, and a one-hour job costs
/// about 170 status requests instead of the 1,800 of a fixed two-second loop. A <c>Retry-After</c> header on a status
/// response takes precedence (capped by <see cref="MaxRetryAfter"/>). Jitter only ever shortens an interval, so it
/// spreads load without breaking the detection bound.
/// </remarks>
public sealed class WaitOptions
{
    /// <summary>The default policy.</summary>
    public static WaitOptions Default { get; } = new();

    /// <summary>Shortest pause between two polls. Default 1 s.</summary>
    public TimeSpan MinInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest pause between two polls. Default 30 s.</summary>
    public TimeSpan MaxInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Between the bounds, the pause is this fraction of the time waited so far. Default 0.1.</summary>
    public double ElapsedFraction { get; init; } = 0.1;

    /// <summary>Each pause is shortened by a random fraction of up to this much. Default 0.1 (pauses of 90-100 %).</summary>
    public double Jitter { get; init; } = 0.1;

    /// <summary>Overall limit; when it passes, waiting throws <see cref="HubTimeoutException"/>. Default: none.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Whether a <c>Retry-After</c> header on a status response sets the next pause. Default true.</summary>
    public bool RespectRetryAfter { get; init; } = true;

    /// <summary>The longest pause a server's <c>Retry-After</c> may ask for. Default 5 min.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting that makes no sense.</summary>
    public void Validate()
    {
        if (MinInterval < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(MinInterval), MinInterval, "MinInterval must not be negative.");
        if (MaxInterval < MinInterval) throw new ArgumentOutOfRangeException(nameof(MaxInterval), MaxInterval, "MaxInterval must be at least MinInterval.");
        if (ElapsedFraction < 0 || double.IsNaN(ElapsedFraction)) throw new ArgumentOutOfRangeException(nameof(ElapsedFraction), ElapsedFraction, "ElapsedFraction must be zero or positive.");
        if (Jitter is < 0 or >= 1 || double.IsNaN(Jitter)) throw new ArgumentOutOfRangeException(nameof(Jitter), Jitter, "Jitter must be in [0, 1).");
        if (Timeout is { } t && t <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Timeout), t, "Timeout must be positive (or null for none).");
        if (MaxRetryAfter < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(MaxRetryAfter), MaxRetryAfter, "MaxRetryAfter must not be negative.");
    }
}
