namespace KipuHub.Benchmarks.Support;

/// <summary>
/// A clock that jumps: every timer fires at once (on the thread pool) after moving the clock to its due time. A
/// sequential waiter therefore runs through hours of polling in microseconds, deterministically, with no sleeping.
/// Use it for one waiter at a time (concurrent timers would each move the shared clock).
/// </summary>
/// <remarks>A copy of tests/KipuHub.Tests/Support/VirtualTimeProvider.cs: the benchmark app must not depend on a test project.</remarks>
public sealed class VirtualTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _start = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private long _elapsedTicks;

    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks));

    public override DateTimeOffset GetUtcNow() => _start + Elapsed;

    public override long GetTimestamp() => Interlocked.Read(ref _elapsedTicks);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new JumpTimer(this, callback, state, dueTime);

    private sealed class JumpTimer : ITimer
    {
        private readonly VirtualTimeProvider _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private int _disposed;

        public JumpTimer(VirtualTimeProvider clock, TimerCallback callback, object? state, TimeSpan dueTime)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
            Change(dueTime, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == Timeout.InfiniteTimeSpan || Volatile.Read(ref _disposed) == 1) return true;
            ThreadPool.UnsafeQueueUserWorkItem(_ =>
            {
                if (Volatile.Read(ref _disposed) == 1) return;
                Interlocked.Add(ref _clock._elapsedTicks, Math.Max(0, dueTime.Ticks));
                _callback(_state);
            }, null);
            return true;
        }

        public void Dispose() => Interlocked.Exchange(ref _disposed, 1);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
