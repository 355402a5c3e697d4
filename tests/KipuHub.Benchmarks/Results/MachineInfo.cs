using System.Runtime;
using System.Runtime.InteropServices;

namespace KipuHub.Benchmarks.Results;

/// <summary>What the figures were measured on, including how busy the machine was when the run started.</summary>
public sealed class MachineInfo
{
    public int ProcessorCount { get; set; }

    public string CpuModel { get; set; } = "";

    public string Os { get; set; } = "";

    public string Runtime { get; set; } = "";

    public string Gc { get; set; } = "";

    public static MachineInfo Capture() => new()
    {
        ProcessorCount = Environment.ProcessorCount,
        CpuModel = CpuModelName(),
        Os = RuntimeInformation.OSDescription,
        Runtime = $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture})",
        Gc = (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? "" : ", concurrent"),
    };

    private static string CpuModelName()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>/proc/loadavg now: other engineers' builds share the cores, and this says how much.</summary>
    public static string LoadAverage() => ReadFirstLine("/proc/loadavg") ?? "n/a";

    private static string? ReadFirstLine(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadLines(path).FirstOrDefault() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
