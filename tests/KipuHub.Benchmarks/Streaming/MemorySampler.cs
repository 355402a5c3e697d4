namespace KipuHub.Benchmarks.Streaming;

/// <summary>
/// Samples the process's working set and managed heap every few milliseconds on a dedicated thread (a thread-pool
/// timer could be starved by the very copy it watches) and keeps the peaks.
/// </summary>
public sealed class MemorySampler : IDisposable
{
    private readonly Thread _thread;
    private readonly TimeSpan _interval;
    private volatile bool _stop;

    private MemorySampler(TimeSpan interval)
    {
        _interval = interval;
        BaselineWorkingSet = Environment.WorkingSet;
        BaselineManaged = GC.GetTotalMemory(forceFullCollection: false);
        PeakWorkingSet = BaselineWorkingSet;
        PeakManaged = BaselineManaged;
        _thread = new Thread(Loop) { IsBackground = true, Name = "memory sampler" };
        _thread.Start();
    }

    public long BaselineWorkingSet { get; }

    public long BaselineManaged { get; }

    public long PeakWorkingSet { get; private set; }

    public long PeakManaged { get; private set; }

    public int Samples { get; private set; }

    public long WorkingSetGrowth => PeakWorkingSet - BaselineWorkingSet;

    public long ManagedGrowth => PeakManaged - BaselineManaged;

    /// <summary>Collects garbage first, so the baseline is what the process needs, not what it has yet to free.</summary>
    public static MemorySampler Start(TimeSpan interval)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new MemorySampler(interval);
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
        Sample();
    }

    private void Loop()
    {
        while (!_stop)
        {
            Sample();
            Thread.Sleep(_interval);
        }
    }

    private void Sample()
    {
        PeakWorkingSet = Math.Max(PeakWorkingSet, Environment.WorkingSet);
        PeakManaged = Math.Max(PeakManaged, GC.GetTotalMemory(forceFullCollection: false));
        Samples++;
    }
}
