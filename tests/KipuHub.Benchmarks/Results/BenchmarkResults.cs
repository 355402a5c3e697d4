using Newtonsoft.Json;

namespace KipuHub.Benchmarks.Results;

/// <summary>
/// Everything one run measured, written as JSON so docs/performance.md is generated from it (never typed by hand).
/// </summary>
public sealed class BenchmarkResults
{
    /// <summary>When and how each section was last measured (a run with --only keeps the other sections' figures).</summary>
    public Dictionary<string, SectionRun> Sections { get; set; } = [];

    public MachineInfo Machine { get; set; } = new();

    /// <summary>Every figure: one value per section, case, variant and metric.</summary>
    public List<Measurement> Measurements { get; set; } = [];

    /// <summary>Every target of issue 8, with the measured value and whether it holds.</summary>
    public List<TargetCheck> Checks { get; set; } = [];

    /// <summary>Free-form remarks per section (what was measured how, and caveats of this run).</summary>
    public Dictionary<string, List<string>> Notes { get; set; } = [];

    /// <summary>Drops a section's figures, checks and notes before it is measured again.</summary>
    public void Reset(string section)
    {
        Measurements.RemoveAll(m => m.Section == section);
        Checks.RemoveAll(c => c.Section == section);
        Notes.Remove(section);
        Sections.Remove(section);
    }

    public void Add(Measurement measurement) => Measurements.Add(measurement);

    public void Note(string section, string text)
    {
        if (!Notes.TryGetValue(section, out var list)) Notes[section] = list = [];
        list.Add(text);
    }

    public double? Find(string section, string @case, string variant, string metric) =>
        Measurements.FirstOrDefault(m => m.Section == section && m.Case == @case && m.Variant == variant && m.Metric == metric)?.Median;

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonConvert.SerializeObject(this, Formatting.Indented) + "\n");
    }

    public static BenchmarkResults Load(string path) =>
        JsonConvert.DeserializeObject<BenchmarkResults>(File.ReadAllText(path))
        ?? throw new InvalidDataException($"{path} holds no benchmark results.");
}

/// <param name="Mode">short or full.</param>
/// <param name="StartedUtc">When the section started.</param>
/// <param name="DurationSeconds">How long it took.</param>
/// <param name="LoadAverageAtStart">/proc/loadavg when it started: how busy the shared cores were.</param>
public sealed record SectionRun(string Mode, DateTimeOffset StartedUtc, double DurationSeconds, string LoadAverageAtStart);

/// <param name="Section">overhead, throughput, streaming or waiting.</param>
/// <param name="Case">What was measured, e.g. "GetJob", "64 callers", "1 h".</param>
/// <param name="Variant">facade, raw, handwritten, sdk, baseline, loop2s.</param>
/// <param name="Metric">e.g. "ns", "bytes", "jobs/s".</param>
/// <param name="Median">The median over rounds (or BenchmarkDotNet's median).</param>
/// <param name="Samples">The individual rounds, when there were several.</param>
public sealed record Measurement(string Section, string Case, string Variant, string Metric, double Median, double[]? Samples = null);

/// <param name="Section">The section the target belongs to.</param>
/// <param name="Case">The case it was checked on.</param>
/// <param name="Target">The target as issue 8 states it, e.g. "facade time ≤ raw + 10%".</param>
/// <param name="Measured">The measured value, formatted (e.g. "+4.2%").</param>
/// <param name="Holds">Whether the target holds in this run.</param>
public sealed record TargetCheck(string Section, string Case, string Target, string Measured, bool Holds);
