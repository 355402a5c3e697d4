using System.Diagnostics;
using KipuHub.Benchmarks.Results;
using KipuHub.Benchmarks.Support;
using KipuHub.Waiting;
using Newtonsoft.Json.Linq;

namespace KipuHub.Benchmarks.Streaming;

/// <summary>
/// What reading a large result costs in memory (issue 12 item 11): a 256 MiB result document (<c>counts</c> and a
/// <c>measurements</c> array filling the rest) through <c>DownloadJobResultAsync</c> (to a file: constant memory, the
/// baseline), <c>RunJobAsync</c> (submit, wait, then the result streamed: counts kept, measurements skipped) and
/// <c>ReadJobResultAsync</c> (the whole document as a <see cref="JToken"/>).
/// </summary>
public static class ResultMemoryBenchmark
{
    public const string Case = "256 MiB document";
    public const double TargetFactor = 2.0;
    public const string Download = "download";
    public const string Run = "run";
    public const string Read = "read";
    private const double MiB = 1024 * 1024;
    private const long Size = 256L * 1024 * 1024;
    private static readonly WaitOptions Fast = new() { MinInterval = TimeSpan.FromMilliseconds(10), MaxInterval = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromSeconds(30) };

    public static async Task RunAsync(RunProfile mode, BenchmarkResults results, string section)
    {
        await using var server = await ResultDocumentServer.StartAsync(Size);
        using var sdk = new HubQuantumClient(new HubQuantumClientOptions { ApiKey = "benchmark-token", BaseUrl = server.QuantumBaseUrl });
        var file = Path.Combine(Path.GetTempPath(), $"kipuhub-bench-result-{Environment.ProcessId}.json");
        var variants = new (string Name, Func<Task> Call)[]
        {
            (Download, async () =>
            {
                var bytes = await sdk.DownloadJobResultAsync(server.JobId, file, overwrite: true);
                if (bytes != Size) throw new InvalidOperationException($"DownloadJobResultAsync wrote {bytes} of {Size} bytes.");
            }),
            (Run, async () =>
            {
                var result = await sdk.RunJobAsync(Workloads.Bell(), Fast);
                if (result.Counts.Values.Sum() != server.Shots || !result.OmittedMembers.SequenceEqual(["measurements"]))
                    throw new InvalidOperationException("RunJobAsync did not return the document's counts.");
            }),
            (Read, async () =>
            {
                var document = await sdk.ReadJobResultAsync(server.JobId);
                if (((JArray)document["measurements"]!).Count != server.Shots)
                    throw new InvalidOperationException("ReadJobResultAsync did not return the whole document.");
            }),
        };

        try
        {
            // Warm-up: JIT and connections, so the first measured round is not the one paying for them.
            foreach (var (_, call) in variants.Take(2)) await call();

            var samples = variants.ToDictionary(v => v.Name, _ => new Samples());
            var ratios = new List<double>();
            // Download and RunJobAsync back to back in each round (alternating which goes first), all before any
            // ReadJobResultAsync: the 1.4 GB a JToken of this document takes is not left behind for them to reuse.
            for (var round = 0; round < mode.ResultMemoryRounds; round++)
            {
                var pair = variants.Take(2).ToArray();
                foreach (var (name, call) in round % 2 == 0 ? pair : pair.Reverse())
                {
                    await MeasureAsync(call, samples[name]);
                }

                ratios.Add(samples[Run].WsGrowth[^1] / samples[Download].WsGrowth[^1]);
            }

            for (var round = 0; round < ReadRounds(mode); round++)
            {
                await MeasureAsync(variants[2].Call, samples[Read]);
            }

            foreach (var (name, s) in samples)
            {
                results.Add(new Measurement(section, Case, name, "seconds", Stats.Median(s.Seconds), [.. s.Seconds]));
                results.Add(new Measurement(section, Case, name, "working set growth MiB", s.WsGrowth.Max(), [.. s.WsGrowth]));
                results.Add(new Measurement(section, Case, name, "peak working set MiB", s.WsPeak.Max(), [.. s.WsPeak]));
                results.Add(new Measurement(section, Case, name, "managed heap growth MiB", s.Managed.Max(), [.. s.Managed]));
                results.Add(new Measurement(section, Case, name, "allocated MiB", Stats.Median(s.Allocated), [.. s.Allocated]));
                results.Add(new Measurement(section, Case, name, "gen0 collections", Stats.Median(s.Gen0), [.. s.Gen0]));
            }

            results.Add(new Measurement(section, Case, "document", "shots", server.Shots));
            results.Add(new Measurement(section, Case, "run/download", "working set growth ratio", Stats.Median(ratios), [.. ratios]));
            var run = results.Find(section, Case, Run, "working set growth MiB")!.Value;
            var download = results.Find(section, Case, Download, "working set growth MiB")!.Value;
            results.Checks.Add(new TargetCheck(section, Case, $"RunJobAsync peak working-set growth ≤ {TargetFactor:0}x DownloadJobResultAsync's",
                $"{run:0.0} MiB vs {download:0.0} MiB ({run / download:0.0}x)", run <= TargetFactor * download));

            results.Note(section, $"{Case}: {{\"counts\":{{…}},\"shots\":{server.Shots},\"measurements\":[…]}}, one {ResultDocumentServer.BitsPerShot}-bit bitstring per shot, " +
                "served over loopback by a Kestrel server in the process (POST jobs, status and GET jobs/{id} answered with bodies captured from the emulator; the document written from one 64 KiB chunk while streaming, as the emulator writes its padding). " +
                $"{mode.ResultMemoryRounds} rounds of DownloadJobResultAsync and RunJobAsync back to back (alternating which goes first), then {ReadRounds(mode)} of ReadJobResultAsync; before every call a compacting, aggressive full GC, which hands back to the OS what it can (not all: the process's absolute peak during the ReadJobResultAsync rounds includes up to a JToken's worth left committed by the round before, so compare growth, not absolute peaks). Growth is the worst round, time and allocations the median. " +
                "DownloadJobResultAsync writes a temporary file; RunJobAsync submits, polls and reads the stream, keeping counts and shots and skipping measurements; ReadJobResultAsync builds the whole JToken.");
            results.Note(section, "Allocated = GC.GetTotalAllocatedBytes over the call, the whole process (the server side writes from pre-built buffers, so it is almost all the client's); peak working set is the process's absolute peak, growth is that minus the value just before the call (after a full GC).");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static int ReadRounds(RunProfile mode) => Math.Min(3, mode.ResultMemoryRounds);

    private static async Task MeasureAsync(Func<Task> call, Samples s)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gen0Before = GC.CollectionCount(0);
        using var memory = MemorySampler.Start(TimeSpan.FromMilliseconds(5));
        var stopwatch = Stopwatch.StartNew();
        await call();
        stopwatch.Stop();
        memory.Dispose();
        s.Gen0.Add(GC.CollectionCount(0) - gen0Before);
        s.Seconds.Add(stopwatch.Elapsed.TotalSeconds);
        s.WsGrowth.Add(memory.WorkingSetGrowth / MiB);
        s.WsPeak.Add(memory.PeakWorkingSet / MiB);
        s.Managed.Add(memory.ManagedGrowth / MiB);
        s.Allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / MiB);
    }

    private sealed class Samples
    {
        public List<double> Gen0 { get; } = [];
        public List<double> Seconds { get; } = [];
        public List<double> WsGrowth { get; } = [];
        public List<double> WsPeak { get; } = [];
        public List<double> Managed { get; } = [];
        public List<double> Allocated { get; } = [];
    }
}
