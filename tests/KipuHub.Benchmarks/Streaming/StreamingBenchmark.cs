using System.Diagnostics;
using KipuHub.Benchmarks.Results;
using KipuHub.Benchmarks.Support;
using KipuHub.Emulator;
using KipuHub.Http;
using KipuHub.Waiting;

namespace KipuHub.Benchmarks.Streaming;

/// <summary>
/// A large job result (padded by the emulator's <c>emulator_result_bytes</c>, generated while streaming) downloaded
/// through <c>CopyJobResultToAsync(Stream.Null)</c> vs <c>HttpClient.GetStreamAsync</c> + <c>CopyToAsync</c>:
/// throughput and peak memory growth during the copy.
/// </summary>
public static class StreamingBenchmark
{
    public const string Section = "streaming";
    private const double MiB = 1024 * 1024;
    private const long GrowthLimit = 32L * 1024 * 1024;
    private static readonly WaitOptions Fast = new() { MinInterval = TimeSpan.FromMilliseconds(10), MaxInterval = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromSeconds(30) };

    public static async Task RunAsync(RunProfile mode, BenchmarkResults results)
    {
        await RunCopyAsync(mode, results);
        await ResultMemoryBenchmark.RunAsync(mode, results, Section);
    }

    private static async Task RunCopyAsync(RunProfile mode, BenchmarkResults results)
    {
        var size = mode.StreamingBytes;
        await using var hub = await KipuHubEmulator.StartAsync(new KipuHubEmulatorOptions
        {
            Seed = 1,
            JobPendingDuration = TimeSpan.Zero,
            JobRunningDuration = TimeSpan.Zero,
            MaxResultBytes = Math.Max(size, 1L << 30),
        });
        using var sdk = new HubQuantumClient(new HubQuantumClientOptions { ApiKey = hub.AccessToken, BaseUrl = hub.QuantumBaseUrl });
        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = hub.QuantumBaseUrl, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.TryAddWithoutValidation(ApiKeyAuthHandler.HeaderName, hub.AccessToken);

        var jobId = await SubmitAsync(sdk, size);
        var warmupJobId = await SubmitAsync(sdk, 16L * 1024 * 1024);
        var variants = new (string Name, Func<string, Task<long>> Copy)[]
        {
            ("sdk", id => sdk.CopyJobResultToAsync(id, Stream.Null)),
            ("baseline", async id =>
            {
                await using var stream = await http.GetStreamAsync($"jobs/{id}/result-stream");
                var counter = new CountingStream();
                await stream.CopyToAsync(counter);
                return counter.Length;
            }),
        };
        foreach (var (_, copy) in variants) await copy(warmupJobId);

        var samples = variants.ToDictionary(v => v.Name, _ => (MiBps: new List<double>(), Ws: new List<double>(), Managed: new List<double>()));
        var ratios = new List<double>();
        for (var round = 0; round < mode.StreamingRounds; round++)
        {
            foreach (var (name, copy) in round % 2 == 0 ? variants : variants.Reverse())
            {
                using var memory = MemorySampler.Start(TimeSpan.FromMilliseconds(5));
                var stopwatch = Stopwatch.StartNew();
                var copied = await copy(jobId);
                stopwatch.Stop();
                memory.Dispose();
                if (copied != size) throw new InvalidOperationException($"{name} copied {copied} of {size} bytes.");
                samples[name].MiBps.Add(size / MiB / stopwatch.Elapsed.TotalSeconds);
                samples[name].Ws.Add(memory.WorkingSetGrowth / MiB);
                samples[name].Managed.Add(memory.ManagedGrowth / MiB);
            }

            // Paired within the round (both sides back to back), so a neighbour's build mostly cancels out.
            ratios.Add(samples["sdk"].MiBps[^1] / samples["baseline"].MiBps[^1]);
        }

        var @case = $"{size / MiB:0} MiB";
        foreach (var (name, (mibps, ws, managed)) in samples)
        {
            results.Add(new Measurement(Section, @case, name, "MiB/s", Stats.Median(mibps), [.. mibps]));
            // The peak over the rounds, not the median: the limit is on the worst case.
            results.Add(new Measurement(Section, @case, name, "working set growth MiB", ws.Max(), [.. ws]));
            results.Add(new Measurement(Section, @case, name, "managed heap growth MiB", managed.Max(), [.. managed]));
        }

        var ratio = Stats.Median(ratios);
        results.Add(new Measurement(Section, @case, "sdk/baseline", "ratio", ratio, [.. ratios]));
        var growth = results.Find(Section, @case, "sdk", "working set growth MiB")!.Value;
        results.Checks.Add(new TargetCheck(Section, @case, "SDK ≥ 90% of baseline MiB/s", $"{ratio:P1}", ratio >= 0.90));
        results.Checks.Add(new TargetCheck(Section, @case, "SDK peak working-set growth < 32 MiB", $"{growth:0.0} MiB", growth * MiB < GrowthLimit));

        results.Note(Section, $"{@case} result{(mode.IsShort ? " (short mode; --full downloads 1 GiB)" : "")}, {mode.StreamingRounds} rounds, SDK and baseline back to back in each round (alternating which goes first); MiB/s are medians, the ratio is the median of the per-round ratios, memory growth is the worst round.");
        results.Note(Section, "Growth = peak minus the value sampled just before the copy (after a full GC), sampled every 5 ms on a dedicated thread; the working set is the whole process, so it includes the in-process emulator generating the body.");
    }

    private static async Task<string> SubmitAsync(HubQuantumClient client, long resultBytes)
    {
        var job = await client.SubmitJobAsync(Workloads.Bell(resultBytes: resultBytes));
        return (await client.WaitForCompletionAsync(job.Id!, Fast)).Id!;
    }

    /// <summary>Stream.Null that counts, so the baseline checks the byte count as the SDK does.</summary>
    private sealed class CountingStream : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Position;
        public override long Position { get; set; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Position += count;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Position += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
