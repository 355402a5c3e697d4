using KipuHub.Tests.Support;
using KipuHub.Benchmarks.Support;
using KipuHub.Generated.Quantum;
using KipuHub.Waiting;

namespace KipuHub.Benchmarks.Waiting;

/// <summary>What one simulated wait cost: status requests, and how long after the job ended the waiter noticed.</summary>
public readonly record struct WaitOutcome(int Requests, TimeSpan DetectionDelay);

/// <summary>
/// Waits for a job that finishes after a given duration, on a jumping virtual clock: hours of polling take
/// microseconds and nothing sleeps. The job is RUNNING until the duration has passed, then COMPLETED.
/// </summary>
public static class WaitingSimulation
{
    /// <summary>The SDK's waiting loop (<see cref="StatusPoller{TStatus}"/>, the one behind WaitForCompletionAsync) with seeded jitter.</summary>
    public static async Task<WaitOutcome> SdkAsync(TimeSpan jobDuration, WaitOptions options, int seed)
    {
        var clock = new VirtualTimeProvider();
        var requests = 0;
        var noticedAt = TimeSpan.Zero;
        var poller = new StatusPoller<JobStatus>("job 'simulated'", _ =>
        {
            requests++;
            noticedAt = clock.Elapsed;
            return Task.FromResult(new StatusSnapshot<JobStatus>(StatusAt(clock.Elapsed, jobDuration)));
        }, static s => s.IsTerminal(), options, clock, new Random(seed).NextDouble);
        await poller.WaitAsync(progress: null, CancellationToken.None);
        return new WaitOutcome(requests, noticedAt - jobDuration);
    }

    /// <summary>The loop of sdk-api.md ("Polling for completion"): get the status, stop if terminal, sleep 2 s.</summary>
    public static async Task<WaitOutcome> FixedLoopAsync(TimeSpan jobDuration, TimeSpan interval)
    {
        var clock = new VirtualTimeProvider();
        var requests = 0;
        while (true)
        {
            requests++;
            if (StatusAt(clock.Elapsed, jobDuration).IsTerminal()) break;
            await Task.Delay(interval, clock);
        }

        return new WaitOutcome(requests, clock.Elapsed - jobDuration);
    }

    private static JobStatus StatusAt(TimeSpan now, TimeSpan jobDuration) => now >= jobDuration ? JobStatus.Completed : JobStatus.Running;
}
