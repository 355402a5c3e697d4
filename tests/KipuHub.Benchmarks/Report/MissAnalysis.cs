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
        "throughput" => Difference(r, "throughput", check.Case, "sdk", "baseline", "jobs/s", "jobs/s"),
        "streaming" => Difference(r, "streaming", check.Case, "sdk", "baseline", "MiB/s", "MiB/s"),
        _ => "",
    };

    private static string FacadeOverhead(BenchmarkResults r, string op)
    {
        double Get(string variant, string metric) => r.Find("overhead", op, variant, metric) ?? double.NaN;
        var extraNs = Get("facade", "ns") - Get("raw", "ns");
        var extraBytes = Get("facade", "bytes") - Get("raw", "bytes");
        return string.Create(CultureInfo.InvariantCulture,
            $"The facade adds {extraNs:N0} ns and {extraBytes:N0} B per call to the raw client's {Get("raw", "ns"):N0} ns and {Get("raw", "bytes"):N0} B. ") +
            "That is the fixed cost of its pipeline (error-mapping decorator, retry, per-attempt timeout, redirect, organization and auth handlers), " +
            "the same for every call whatever the payload, so it is a large fraction only of the smallest calls; over a real network a call costs " +
            "tens of milliseconds, against which this is well under 0.1%.";
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
