namespace KipuHub.Benchmarks.Support;

/// <summary>
/// How long to measure. Short mode is for a 2-core machine shared with other builds (a few minutes in all); full mode
/// is for publishing figures from a quiet machine.
/// </summary>
public sealed record RunProfile(
    string Name,
    int ThroughputRounds,
    int ThroughputJobsPerRound,
    TimeSpan ThroughputWarmup,
    long StreamingBytes,
    int StreamingRounds,
    int WaitingSeeds,
    int ResultMemoryRounds)
{
    public static RunProfile Short { get; } = new("short", ThroughputRounds: 9, ThroughputJobsPerRound: 1000, ThroughputWarmup: TimeSpan.FromSeconds(3),
        StreamingBytes: 256L * 1024 * 1024, StreamingRounds: 7, WaitingSeeds: 20, ResultMemoryRounds: 5);

    public static RunProfile Full { get; } = new("full", ThroughputRounds: 15, ThroughputJobsPerRound: 4000, ThroughputWarmup: TimeSpan.FromSeconds(6),
        StreamingBytes: 1L << 30, StreamingRounds: 7, WaitingSeeds: 100, ResultMemoryRounds: 7);

    public bool IsShort => ReferenceEquals(this, Short);
}
