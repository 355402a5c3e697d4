using KipuHub.Benchmarks.Results;
using KipuHub.Benchmarks.Support;
using KipuHub.Waiting;

namespace KipuHub.Benchmarks.Waiting;

/// <summary>
/// Status requests and detection delay for jobs of 1 s to 1 h: the SDK's default <see cref="WaitOptions"/> (median
/// over seeded jitter) vs the fixed 2-second loop of sdk-api.md, on simulated time.
/// </summary>
public static class WaitingBenchmark
{
    public const string Section = "waiting";
    private static readonly TimeSpan LoopInterval = TimeSpan.FromSeconds(2);

    private static readonly (string Name, TimeSpan Duration)[] Jobs =
    [
        ("1 s", TimeSpan.FromSeconds(1)),
        ("10 s", TimeSpan.FromSeconds(10)),
        ("60 s", TimeSpan.FromSeconds(60)),
        ("10 min", TimeSpan.FromMinutes(10)),
        ("1 h", TimeSpan.FromHours(1)),
    ];

    public static async Task RunAsync(RunProfile mode, BenchmarkResults results)
    {
        foreach (var (name, duration) in Jobs)
        {
            var sdk = new List<WaitOutcome>();
            for (var seed = 0; seed < mode.WaitingSeeds; seed++)
            {
                sdk.Add(await WaitingSimulation.SdkAsync(duration, WaitOptions.Default, seed));
            }

            var loop = await WaitingSimulation.FixedLoopAsync(duration, LoopInterval);
            var requests = sdk.Select(o => (double)o.Requests).ToArray();
            var delays = sdk.Select(o => o.DetectionDelay.TotalSeconds).ToArray();
            results.Add(new Measurement(Section, name, "sdk", "requests", Stats.Median(requests), requests));
            results.Add(new Measurement(Section, name, "sdk", "requests max", requests.Max()));
            results.Add(new Measurement(Section, name, "sdk", "delay s", Stats.Median(delays), delays));
            results.Add(new Measurement(Section, name, "sdk", "delay max s", delays.Max()));
            results.Add(new Measurement(Section, name, "loop2s", "requests", loop.Requests));
            results.Add(new Measurement(Section, name, "loop2s", "delay s", loop.DetectionDelay.TotalSeconds));
            var fewer = loop.Requests / Stats.Median(requests);
            results.Add(new Measurement(Section, name, "loop2s/sdk", "ratio", fewer));

            var bound = Math.Min(Math.Max(1, duration.TotalSeconds / 10), 30);
            results.Add(new Measurement(Section, name, "target", "delay bound s", bound));
            results.Checks.Add(new TargetCheck(Section, name, $"SDK detection delay ≤ {bound:0.#} s (max(1 s, 10%), ≤ 30 s), worst seed",
                $"{delays.Max():0.00} s", delays.Max() <= bound));
            if (duration == TimeSpan.FromHours(1))
            {
                results.Checks.Add(new TargetCheck(Section, name, "≥ 10x fewer status requests than the 2 s loop",
                    $"{fewer:0.0}x ({loop.Requests} vs {Stats.Median(requests):0})", fewer >= 10));
            }
        }

        results.Note(Section, $"Simulated time (a jumping virtual clock: every timer fires at once after moving the clock), no real sleeping. The SDK side is StatusPoller, the loop behind WaitForCompletionAsync, with WaitOptions.Default and its jitter seeded; {mode.WaitingSeeds} seeds, median reported (and the worst seed's delay, which the target is checked on).");
        results.Note(Section, "The 2 s loop is sdk-api.md's \"Polling for completion\" (status, stop if terminal, sleep 2 s); it has no jitter, so one run is exact. Its delay is 0 here because every run time is a multiple of 2 s; for run times spread evenly it averages 1 s. Detection delay = time of the request that saw COMPLETED minus the job's end.");
    }
}
