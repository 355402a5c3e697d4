using System.Globalization;
using KipuHub.Benchmarks.Overhead;
using KipuHub.Benchmarks.Results;
using KipuHub.Benchmarks.Streaming;
using KipuHub.Benchmarks.Throughput;
using KipuHub.Benchmarks.Waiting;

namespace KipuHub.Benchmarks.Report;

/// <summary>Renders each section's figures, every one next to its ratio to the baseline.</summary>
public static class SectionTables
{
    public static readonly string[] Order = [OverheadBenchmark.Section, ThroughputBenchmark.Section, StreamingBenchmark.Section, WaitingBenchmark.Section];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(BenchmarkResults results, string section) => section switch
    {
        OverheadBenchmark.Section => Overhead(results),
        ThroughputBenchmark.Section => Throughput(results),
        StreamingBenchmark.Section => Streaming(results),
        WaitingBenchmark.Section => Waiting(results),
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "Unknown section."),
    };

    public static string Checks(BenchmarkResults results, string? section = null)
    {
        var table = new MarkdownTable("section", "case", "target", "measured", "holds");
        foreach (var check in results.Checks.Where(c => section is null || c.Section == section).OrderBy(c => Array.IndexOf(Order, c.Section)))
        {
            table.Row(check.Section, check.Case, check.Target, check.Measured, check.Holds ? "yes" : "**no**");
        }

        return table.ToString();
    }

    private static string Overhead(BenchmarkResults r)
    {
        const string s = OverheadBenchmark.Section;
        var table = new MarkdownTable("call", "hand-written (baseline)", "raw generated", "facade",
            "raw / hand-written time", "facade / raw time", "facade / raw allocations");
        foreach (var op in Cases(r, s))
        {
            string Cell(string variant) => $"{F(r.Find(s, op, variant, "ns"), "N0")} ns, {F(r.Find(s, op, variant, "bytes"), "N0")} B";
            table.Row(op, Cell("handwritten"), Cell("raw"), Cell("facade"),
                Ratio(r.Find(s, op, "raw/handwritten", "time ratio")),
                Ratio(r.Find(s, op, "facade/raw", "time ratio")),
                Ratio(r.Find(s, op, "facade/raw", "bytes ratio")));
        }

        return table.ToString();
    }

    private static string Throughput(BenchmarkResults r)
    {
        const string s = ThroughputBenchmark.Section;
        var table = new MarkdownTable("callers", "baseline jobs/s", "SDK jobs/s", "SDK / baseline", "CPU µs per job (baseline, SDK)", "requests per job (baseline, SDK)");
        foreach (var @case in Cases(r, s))
        {
            table.Row(@case.Replace(" callers", "", StringComparison.Ordinal),
                F(r.Find(s, @case, "baseline", "jobs/s"), "N0"), F(r.Find(s, @case, "sdk", "jobs/s"), "N0"),
                Ratio(r.Find(s, @case, "sdk/baseline", "ratio")),
                $"{F(r.Find(s, @case, "baseline", "cpu µs/job"), "N0")}, {F(r.Find(s, @case, "sdk", "cpu µs/job"), "N0")}",
                $"{F(r.Find(s, @case, "baseline", "requests/job"), "0.00")}, {F(r.Find(s, @case, "sdk", "requests/job"), "0.00")}");
        }

        return table.ToString();
    }

    private static string Streaming(BenchmarkResults r)
    {
        const string s = StreamingBenchmark.Section;
        var table = new MarkdownTable("result", "side", "MiB/s", "ratio to baseline", "peak working-set growth", "peak managed-heap growth");
        foreach (var @case in Cases(r, s).Where(c => c != ResultMemoryBenchmark.Case))
        {
            foreach (var side in new[] { "baseline", "sdk" })
            {
                table.Row(@case, side == "sdk" ? "SDK `CopyJobResultToAsync`" : "baseline `GetStreamAsync` + `CopyToAsync`",
                    F(r.Find(s, @case, side, "MiB/s"), "N0"),
                    side == "sdk" ? Ratio(r.Find(s, @case, "sdk/baseline", "ratio")) : "1.00",
                    $"{F(r.Find(s, @case, side, "working set growth MiB"), "0.0")} MiB",
                    $"{F(r.Find(s, @case, side, "managed heap growth MiB"), "0.0")} MiB");
            }
        }

        return table + ResultMemory(r);
    }

    /// <summary>Issue 12 item 11: what DownloadJobResultAsync, RunJobAsync and ReadJobResultAsync cost on one large document.</summary>
    private static string ResultMemory(BenchmarkResults r)
    {
        const string s = StreamingBenchmark.Section;
        const string c = ResultMemoryBenchmark.Case;
        if (r.Find(s, c, ResultMemoryBenchmark.Download, "seconds") is null) return "";
        var table = new MarkdownTable("result", "call", "time", "peak working-set growth", "ratio to download", "peak working set (process)", "peak managed-heap growth", "allocated", "gen0 GCs");
        var download = r.Find(s, c, ResultMemoryBenchmark.Download, "working set growth MiB");
        foreach (var (variant, call) in new[]
        {
            (ResultMemoryBenchmark.Download, "`DownloadJobResultAsync` (baseline)"),
            (ResultMemoryBenchmark.Run, "`RunJobAsync` (streamed)"),
            (ResultMemoryBenchmark.Read, "`ReadJobResultAsync` (whole `JToken`)"),
        })
        {
            var growth = r.Find(s, c, variant, "working set growth MiB");
            table.Row(c, call,
                $"{F(r.Find(s, c, variant, "seconds"), "0.00")} s",
                $"{F(growth, "N1")} MiB",
                variant == ResultMemoryBenchmark.Download ? "1.0x" : $"{F(growth / download, "N1")}x",
                $"{F(r.Find(s, c, variant, "peak working set MiB"), "N0")} MiB",
                $"{F(r.Find(s, c, variant, "managed heap growth MiB"), "N1")} MiB",
                $"{F(r.Find(s, c, variant, "allocated MiB"), "N0")} MiB",
                F(r.Find(s, c, variant, "gen0 collections"), "N0"));
        }

        return Environment.NewLine + table;
    }

    private static string Waiting(BenchmarkResults r)
    {
        const string s = WaitingBenchmark.Section;
        var table = new MarkdownTable("job runs", "2 s loop: requests", "SDK: requests (median, max)", "2 s loop / SDK requests",
            "2 s loop: delay", "SDK: delay (median, worst)", "delay bound");
        foreach (var @case in Cases(r, s))
        {
            table.Row(@case,
                F(r.Find(s, @case, "loop2s", "requests"), "N0"),
                $"{F(r.Find(s, @case, "sdk", "requests"), "N0")}, {F(r.Find(s, @case, "sdk", "requests max"), "N0")}",
                $"{F(r.Find(s, @case, "loop2s/sdk", "ratio"), "0.0")}x",
                $"{F(r.Find(s, @case, "loop2s", "delay s"), "0.00")} s",
                $"{F(r.Find(s, @case, "sdk", "delay s"), "0.00")} s, {F(r.Find(s, @case, "sdk", "delay max s"), "0.00")} s",
                $"{F(r.Find(s, @case, "target", "delay bound s"), "0.#")} s");
        }

        return table.ToString();
    }

    private static IEnumerable<string> Cases(BenchmarkResults r, string section) =>
        r.Measurements.Where(m => m.Section == section).Select(m => m.Case).Distinct();

    private static string F(double? value, string format) => value is { } v && !double.IsNaN(v) ? v.ToString(format, Invariant) : "n/a";

    private static string Ratio(double? value) => F(value, "0.00");
}
