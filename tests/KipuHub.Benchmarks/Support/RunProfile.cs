namespace KipuHub.Benchmarks.Support;

/// <summary>
/// How long to measure. Short mode is for a 2-core machine shared with other builds (a few minutes in all); full mode
/// is for publishing figures from a quiet machine.
/// </summary>
public sealed record RunProfile(
    string Name,
    int ThroughputRounds,
    int ThroughputJobsPerRound,
    int ThroughputWarmupJobs,
    long StreamingBytes,
    int StreamingRounds,
    int WaitingSeeds)
{
    public static RunProfile Short { get; } = new("short", ThroughputRounds: 5, ThroughputJobsPerRound: 800, ThroughputWarmupJobs: 64,
        StreamingBytes: 256L * 1024 * 1024, StreamingRounds: 3, WaitingSeeds: 20);

    public static RunProfile Full { get; } = new("full", ThroughputRounds: 7, ThroughputJobsPerRound: 3000, ThroughputWarmupJobs: 256,
        StreamingBytes: 1L << 30, StreamingRounds: 3, WaitingSeeds: 100);

    public bool IsShort => ReferenceEquals(this, Short);
}
