using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using KipuHub.Benchmarks.Results;
using KipuHub.Benchmarks.Support;
using Perfolizer.Horology;

namespace KipuHub.Benchmarks.Overhead;

/// <summary>Runs <see cref="CallOverheadBenchmarks"/> with BenchmarkDotNet and turns its summary into figures and target checks.</summary>
public static class OverheadBenchmark
{
    public const string Section = "overhead";

    public static void Run(RunProfile mode, BenchmarkResults results)
    {
        PreWarm();
        var summary = BenchmarkRunner.Run<CallOverheadBenchmarks>(Config(mode));
        if (summary.HasCriticalValidationErrors || summary.Reports.Any(r => r.ResultStatistics is null))
        {
            throw new InvalidOperationException("BenchmarkDotNet did not measure every case; see the log above.");
        }

        foreach (var report in summary.Reports)
        {
            var op = report.BenchmarkCase.Parameters["Op"]!.ToString()!;
            var variant = report.BenchmarkCase.Descriptor.WorkloadMethod.Name.ToLowerInvariant();
            var stats = report.ResultStatistics!;
            results.Add(new Measurement(Section, op, variant, "ns", stats.Median, [.. stats.OriginalValues]));
            results.Add(new Measurement(Section, op, variant, "bytes", report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? double.NaN));
        }

        foreach (var op in Enum.GetNames<CallOverheadBenchmarks.Call>())
        {
            double Get(string variant, string metric) => results.Find(Section, op, variant, metric)!.Value;
            var facadeTime = Get("facade", "ns") / Get("raw", "ns");
            var facadeBytes = Get("facade", "bytes") / Get("raw", "bytes");
            var rawTime = Get("raw", "ns") / Get("handwritten", "ns");
            results.Add(new Measurement(Section, op, "facade/raw", "time ratio", facadeTime));
            results.Add(new Measurement(Section, op, "facade/raw", "bytes ratio", facadeBytes));
            results.Add(new Measurement(Section, op, "raw/handwritten", "time ratio", rawTime));
            results.Add(new Measurement(Section, op, "raw/handwritten", "bytes ratio", Get("raw", "bytes") / Get("handwritten", "bytes")));
            results.Checks.Add(new TargetCheck(Section, op, "facade time ≤ raw + 10%", $"{facadeTime - 1:+0.0%;-0.0%}", facadeTime <= 1.10));
            results.Checks.Add(new TargetCheck(Section, op, "facade allocations ≤ raw + 10%", $"{facadeBytes - 1:+0.0%;-0.0%}", facadeBytes <= 1.10));
            results.Checks.Add(new TargetCheck(Section, op, "raw time ≤ 1.5x hand-written", $"{rawTime:0.00}x", rawTime <= 1.5));
        }

        results.Note(Section, $"BenchmarkDotNet {typeof(BenchmarkRunner).Assembly.GetName().Version}, in-process toolchain, {(mode.IsShort ? "short job (3 warm-up, 15 measured iterations of ~100 ms)" : "default job (iterations until the error is small)")}, MemoryDiagnoser; median time per call.");
        results.Note(Section, $"All three clients send through the same in-memory handler that answers with bodies captured from the emulator ({CannedResponses.Instance.Describe()}); no sockets, so these are the clients' own CPU and allocations.");
        results.Note(Section, "Apples to apples: the raw generated client and the hand-written baseline get the facade's X-Auth-Token, X-OrganizationId, User-Agent (and Accept) as HttpClient.DefaultRequestHeaders; the run refuses to start unless all three send the same header names. The hand-written baseline streams the body into the same generated model classes with a cached Newtonsoft JsonSerializer.");
        results.Note(Section, "The facade is measured with its defaults: retries (2), the 60 s per-attempt timeout, logging to the NullLoggerFactory, redirect and organization handlers, error mapping.");
    }

    /// <summary>Prints where the facade's time and allocations go, handler by handler (not recorded in the results).</summary>
    public static void RunAblation(RunProfile mode) => BenchmarkRunner.Run<PipelineAblationBenchmarks>(Config(mode));

    /// <summary>Prints what the response-body guard costs per response (not recorded in the results).</summary>
    public static void RunGuard(RunProfile mode) => BenchmarkRunner.Run<ResponseGuardBenchmarks>(Config(mode));

    /// <summary>
    /// In-process, the case that runs first also pays for tiered JIT promoting the shared code (HttpClient, Newtonsoft)
    /// in the background: the hand-written GetJob came out 60% slower than the raw client for that reason alone. So
    /// every case is called a few thousand times first, with pauses that let the tier-1 compiler catch up.
    /// </summary>
    private static void PreWarm()
    {
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var op in Enum.GetValues<CallOverheadBenchmarks.Call>())
            {
                var benchmarks = new CallOverheadBenchmarks { Op = op };
                benchmarks.GlobalSetup();
                for (var i = 0; i < (op == CallOverheadBenchmarks.Call.GetBackends ? 50 : 500); i++)
                {
                    benchmarks.HandWritten().GetAwaiter().GetResult();
                    benchmarks.Raw().GetAwaiter().GetResult();
                    benchmarks.Facade().GetAwaiter().GetResult();
                }

                benchmarks.GlobalCleanup();
            }

            Thread.Sleep(250);
        }
    }

    private static IConfig Config(RunProfile mode)
    {
        // In-process: no second build of the solution (minutes on 2 cores), and the same process for all three clients.
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithId(mode.Name);
        if (mode.IsShort)
        {
            // More, shorter iterations than BenchmarkDotNet's ShortRun: the median then shrugs off a neighbour's build.
            job = job.WithWarmupCount(3).WithIterationCount(15).WithIterationTime(TimeInterval.FromMilliseconds(100));
        }

        return ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job)
            .WithArtifactsPath(RepoPaths.ArtifactsDirectory)
            .WithOptions(ConfigOptions.JoinSummary);
    }
}
