using System.Collections.Concurrent;

namespace KipuHub.Tests.Support;

/// <summary>An IProgress that records every report synchronously (Progress&lt;T&gt; would post to a thread pool).</summary>
public sealed class RecordingProgress : IProgress<long>
{
    public ConcurrentQueue<long> Reports { get; } = new();

    public long Last => Reports.LastOrDefault();

    public void Report(long value) => Reports.Enqueue(value);

    public bool IsIncreasing() => Reports.Zip(Reports.Skip(1)).All(p => p.Second > p.First);
}
