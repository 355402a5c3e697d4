using System.Globalization;
using KipuHub.Benchmarks.Results;

namespace KipuHub.Benchmarks.Report;

/// <summary>Says, with the run's own numbers, what a missed target is made of.</summary>
public static class MissAnalysis
{
    public static string Explain(BenchmarkResults r, TargetCheck check) => check.Section switch
    {
        "overhead" when check.Target.StartsWith("facade", StringComparison.Ordinal) => FacadeOverhead(r, check.Case),
        "overhead" => Difference(r, "overhead", check.Case, "raw", "handwritten", "ns", "ns"),
        "throughput" => Throughput(r, check.Case),
        "streaming" => Difference(r, "streaming", check.Case, "sdk", "baseline", "MiB/s", "MiB/s"),
        _ => "",
    };

    private static string FacadeOverhead(BenchmarkResults r, string op)
    {
        double Get(string variant, string metric) => r.Find("overhead", op, variant, metric) ?? double.NaN;
        return string.Create(CultureInfo.InvariantCulture,
            $"The facade adds {Get("facade", "ns") - Get("raw", "ns"):N0} ns and {Get("facade", "bytes") - Get("raw", "bytes"):N0} B per call to the raw client's {Get("raw", "ns"):N0} ns and {Get("raw", "bytes"):N0} B.");
    }

    /// <summary>One explanation per kind of miss, after the list.</summary>
    public static IEnumerable<string> Why(BenchmarkResults r, IReadOnlyCollection<TargetCheck> missed)
    {
        if (missed.Any(c => c.Section == "overhead" && c.Target.StartsWith("facade time", StringComparison.Ordinal)))
        {
            var extraNs = new[] { "GetJob", "GetJobStatus", "CreateJob", "GetBackends" }
                .Select(op => (r.Find("overhead", op, "facade", "ns") ?? double.NaN) - (r.Find("overhead", op, "raw", "ns") ?? double.NaN))
                .Where(x => !double.IsNaN(x)).DefaultIfEmpty(double.NaN).Average();
            var perRequestUs = r.Find("throughput", "1 callers", "baseline", "jobs/s") is { } jobsPerSecond ? 1e6 / jobsPerSecond / 3 : double.NaN;
            yield return string.Create(CultureInfo.InvariantCulture,
                $"Why the facade misses the +10% time target on the small calls: its pipeline costs a roughly fixed {extraNs:N0} ns per call (average over the four calls), ") +
                "whatever the payload: the error-mapping decorator, then four handlers that must see the response (error mapping, retry, the per-attempt " +
                "timeout with its timer, redirects), each an async step, plus the organization and auth headers. Against GetJob and GetJobStatus, whose " +
                "JSON is a few hundred bytes and which cost the raw client 2-4 µs over an in-memory handler, that fixed cost is 15-25%; against CreateJob " +
                "and GetBackends it disappears in the noise. Allocations, which the optimisations listed under \"What was optimised\" brought under the target, are the durable cost; " +
                "the time cannot drop further without removing retries or the per-attempt timeout. " +
                (double.IsNaN(perRequestUs) ? "" : string.Create(CultureInfo.InvariantCulture,
                    $"For scale: a request to the emulator over loopback took about {perRequestUs:N0} µs in this run (section 2, one caller), so the facade's share of a real call is under {extraNs / 10 / perRequestUs:0.0}%."));
        }
    }

    private static string Throughput(BenchmarkResults r, string @case)
    {
        var sdk = r.Find("throughput", @case, "sdk", "jobs/s") ?? double.NaN;
        var baseline = r.Find("throughput", @case, "baseline", "jobs/s") ?? double.NaN;
        var ratios = r.Measurements.FirstOrDefault(m => m.Section == "throughput" && m.Case == @case && m.Variant == "sdk/baseline")?.Samples ?? [];
        var gapUs = (1e6 / sdk) - (1e6 / baseline);
        var perCallNs = new[] { "CreateJob", "GetJobStatus", "GetJob" }
            .Sum(op => (r.Find("overhead", op, "facade", "ns") ?? double.NaN) - (r.Find("overhead", op, "raw", "ns") ?? double.NaN));
        var text = string.Create(CultureInfo.InvariantCulture,
            $"SDK {sdk:N0} jobs/s against {baseline:N0}: {gapUs:N0} µs more per job; the per-round ratios were {string.Join(", ", ratios.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))}. ");
        return text + (double.IsNaN(perCallNs)
            ? "Run the overhead section to compare with the facade's per-call cost."
            : string.Create(CultureInfo.InvariantCulture,
                $"The facade's per-call overhead (section 1) accounts for only {perCallNs / 1000:N1} µs of that (three calls per job), so most of the gap is not the pipeline: it lies elsewhere (transport settings, the waiting loop, or noise) and is not yet attributed. ") +
              "With the emulator on the same 2 busy cores the spread between rounds is as large as the gap, so this needs a --full run on a quiet machine before any conclusion.");
    }

    private static string Difference(BenchmarkResults r, string section, string @case, string variant, string baseline, string metric, string unit)
    {
        var value = r.Find(section, @case, variant, metric);
        var reference = r.Find(section, @case, baseline, metric);
        return value is { } v && reference is { } b
            ? string.Create(CultureInfo.InvariantCulture, $"{variant}: {v:N1} {unit} against {baseline}: {b:N1} {unit}.")
            : "";
    }
}
