using System.Globalization;
using KipuHub.Benchmarks.Results;
using KipuHub.Benchmarks.Support;

namespace KipuHub.Benchmarks.Report;

/// <summary>Says, with the run's own numbers, what a missed target is made of.</summary>
public static class MissAnalysis
{
    public static string Explain(BenchmarkResults r, TargetCheck check) => check.Section switch
    {
        "overhead" when check.Target.StartsWith("facade", StringComparison.Ordinal) => FacadeOverhead(r, check.Case),
        "overhead" => Difference(r, "overhead", check.Case, "raw", "handwritten", "ns", "ns"),
        "throughput" => Throughput(r, check.Case),
        "streaming" when check.Case == Streaming.ResultMemoryBenchmark.Case => ResultMemory(r),
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
        var facadeTimeMisses = missed.Where(c => c.Section == "overhead" && c.Target.StartsWith("facade time", StringComparison.Ordinal)).ToList();
        if (facadeTimeMisses.Count == 0)
        {
            yield break;
        }

        double Raw(string op) => r.Find("overhead", op, "raw", "ns") ?? double.NaN;
        double Extra(string op) => (r.Find("overhead", op, "facade", "ns") ?? double.NaN) - Raw(op);
        var fixedNs = FacadeFixedCostNs(r);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Why the facade misses the +10% time target: its pipeline costs a roughly fixed {fixedNs:N0} ns per call (measured on GetJob and GetJobStatus, where the absolute noise is smallest), whatever the payload: ") +
            "eleven handler hops, the User-Agent, organization and auth headers, and the per-attempt timeout's cancellation source; " +
            "the error mapper and the handlers that must see the response (retry, timeout, redirects) hand back an answer that is " +
            "already there without an async step. " +
            string.Create(CultureInfo.InvariantCulture,
                $"That is {fixedNs / Raw("GetJob"):P0} of GetJob and {fixedNs / Raw("GetJobStatus"):P0} of GetJobStatus through the raw client over an in-memory handler, but only {fixedNs / Raw("CreateJob"):P1} of CreateJob and {fixedNs / Raw("GetBackends"):P1} of GetBackends. ");
        foreach (var miss in facadeTimeMisses.Where(c => c.Case is "CreateJob" or "GetBackends"))
        {
            text += string.Create(CultureInfo.InvariantCulture,
                $"The {miss.Case} miss in this run (+{Extra(miss.Case):N0} ns) is many times that fixed cost, i.e. run-to-run noise on the shared cores (load average {r.Sections.GetValueOrDefault("overhead")?.LoadAverageAtStart.Split(' ')[0]} when the section started). ");
        }

        var perRequestUs = r.Find("throughput", "1 callers", "baseline", "jobs/s") is { } jobsPerSecond ? 1e6 / jobsPerSecond / 3 : double.NaN;
        if (!double.IsNaN(perRequestUs))
        {
            text += string.Create(CultureInfo.InvariantCulture,
                $" For scale: a request to the emulator over loopback took about {perRequestUs:N0} µs in this run (section 2, one caller), so the facade's fixed cost is about {fixedNs / 10 / perRequestUs:0.0}% of even a loopback call.");
        }

        yield return text;
    }

    /// <summary>
    /// The facade's fixed extra time per call, from the two small calls: on the 25 µs and 160 µs calls run-to-run noise
    /// is larger than the whole pipeline.
    /// </summary>
    private static double FacadeFixedCostNs(BenchmarkResults r) => new[] { "GetJob", "GetJobStatus" }
        .Select(op => (r.Find("overhead", op, "facade", "ns") ?? double.NaN) - (r.Find("overhead", op, "raw", "ns") ?? double.NaN))
        .Average();

    private static string Throughput(BenchmarkResults r, string @case)
    {
        var sdk = r.Find("throughput", @case, "sdk", "jobs/s") ?? double.NaN;
        var baseline = r.Find("throughput", @case, "baseline", "jobs/s") ?? double.NaN;
        var ratios = r.Measurements.FirstOrDefault(m => m.Section == "throughput" && m.Case == @case && m.Variant == "sdk/baseline")?.Samples ?? [];
        var gapUs = (1e6 / sdk) - (1e6 / baseline);
        // Three calls per job at the facade's fixed cost per call.
        var perCallNs = 3 * FacadeFixedCostNs(r);
        var cpuSdk = r.Find("throughput", @case, "sdk", "cpu µs/job") ?? double.NaN;
        var cpuBaseline = r.Find("throughput", @case, "baseline", "cpu µs/job") ?? double.NaN;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"SDK {sdk:N0} jobs/s against {baseline:N0}: {gapUs:N0} µs more wall-clock time per job, and {cpuSdk - cpuBaseline:N0} µs more CPU per job ({cpuSdk:N0} against {cpuBaseline:N0}, client and emulator together). ");
        var cpuRatio = cpuBaseline / cpuSdk;
        text += Math.Abs(cpuRatio - Stats.Median(ratios.Length == 0 ? [double.NaN] : ratios)) <= 0.02
            ? string.Create(CultureInfo.InvariantCulture, $"The run was CPU-bound: the baseline's CPU per job over the SDK's is {cpuRatio:P1}, the throughput ratio itself, so the miss is that extra CPU per job. ")
            : string.Create(CultureInfo.InvariantCulture, $"The baseline's CPU per job over the SDK's is {cpuRatio:P1}, against a throughput ratio of {Stats.Median(ratios.Length == 0 ? [double.NaN] : ratios):P1}. ");
        var spread = ratios.Length == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"from {ratios.Min():0.00} to {ratios.Max():0.00}");
        return text + (double.IsNaN(perCallNs)
            ? "Run the overhead section to compare with the facade's per-call cost. "
            : string.Create(CultureInfo.InvariantCulture,
                $"{PipelineShare(perCallNs)}") +
                "What only real sockets show: the generated client (raw and facade alike) copies every response header into a dictionary, " +
                "which makes HttpHeaders parse and re-render each of Kestrel's headers (Date, Server, Content-Type, ...), about 1.5-3.5 µs " +
                "per response in a micro-benchmark on these cores (so 5-10 µs per job), where the hand-written baseline reads none. " +
                "Since issue 12 the SDK also wraps every response body in the hostile-server guard (GuardedResponseContent), which the baseline does not: 326 ns and 504 B per response in --guard, about 1 µs per job. " +
                "Those are a part, not the whole: the rest is not attributed yet (candidates, unmeasured: the waiting loop's async layers, " +
                "the generated client's per-call JsonSerializer). A generated-client template " +
                "that builds the dictionary only for errors and file responses would be the first step; it is outside the facade. ") +
            (ratios.Length > 1 && ratios.Max() < KipuHub.Benchmarks.Throughput.ThroughputBenchmark.TargetRatio
                ? $"Every round missed: the per-round ratios spread {spread}, all below {KipuHub.Benchmarks.Throughput.ThroughputBenchmark.TargetRatio:P0}, so the shortfall is real in this run, not noise."
                : ratios.Length > 1 && ratios.Max() - ratios.Min() > 1 - Stats.Median(ratios)
                ? $"The per-round ratios spread {spread}, wider than the shortfall: with the emulator and a neighbour's builds on the same 2 cores, " +
                  "a short run cannot pin it down; a --full run (15 rounds) on a quiet machine should be the reference."
                : $"The per-round ratios spread {spread}, narrower than the shortfall: it is real in this run.");
    }

    private static string PipelineShare(double perCallNs) => perCallNs <= 0
        ? "The facade's per-call overhead over an in-memory handler (section 1) is not measurable in this run (level with the raw client), so the gap is not the handler pipeline. "
        : string.Create(CultureInfo.InvariantCulture,
            $"The facade's per-call overhead over an in-memory handler (section 1) accounts for about {perCallNs / 1000:N1} µs of that (three calls per job), so most of it is not the handler pipeline. ");

    /// <summary>RunJobAsync's working set against the download's: what the skipping reader allocates, and how often gen0 is collected.</summary>
    private static string ResultMemory(BenchmarkResults r)
    {
        const string s = "streaming";
        const string c = Streaming.ResultMemoryBenchmark.Case;
        double Get(string variant, string metric) => r.Find(s, c, variant, metric) ?? double.NaN;
        var run = Get("run", "working set growth MiB");
        var download = Get("download", "working set growth MiB");
        var allocated = Get("run", "allocated MiB");
        var gen0 = Get("run", "gen0 collections");
        var ratios = r.Measurements.FirstOrDefault(m => m.Section == s && m.Case == c && m.Variant == "run/download")?.Samples ?? [];
        var spread = ratios.Length == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{ratios.Min():0.0}x to {ratios.Max():0.0}x");
        return string.Create(CultureInfo.InvariantCulture,
            $"RunJobAsync's worst round grew the working set by {run:N1} MiB, the download's by {download:N1} MiB (per-round ratios {spread}). " +
            $"Neither holds the document: RunJobAsync's peak managed-heap growth is {Get("run", "managed heap growth MiB"):N1} MiB against ReadJobResultAsync's {Get("read", "managed heap growth MiB"):N0} MiB. " +
            $"What it does is allocate: {allocated:N0} MiB per call against the download's {Get("download", "allocated MiB"):N0} MiB, because Newtonsoft's JsonTextReader materialises every token it skips, " +
            $"one {Streaming.ResultDocumentServer.BitsPerShot}-character string (88 B) per entry of the measurements array: {Get("document", "shots"):N0} entries, {Get("document", "shots") * 88 / (1024 * 1024):N0} MiB of it. " +
            $"That garbage is collected {gen0:N0} times per call in gen0, about {allocated / gen0:N1} MiB between collections, which is the size of the growth: " +
            $"the working set holds one gen0 budget of short-lived strings, never the document (it is garbage, not a leak), " +
            $"but it is a few times the download's, whose copy allocates almost nothing. As whole-process peaks the two are close ({Get("run", "peak working set MiB"):N0} MiB against {Get("download", "peak working set MiB"):N0} MiB; ReadJobResultAsync grows it by {Get("read", "working set growth MiB"):N0} MiB). Meeting 2x would need a skip that allocates nothing per token " +
            $"(for instance scanning the UTF-8 bytes with Utf8JsonReader over pooled buffers) in ResultDocumentReader; not changed here.");
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
