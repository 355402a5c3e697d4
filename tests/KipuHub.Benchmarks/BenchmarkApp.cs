using System.Diagnostics;
using KipuHub.Benchmarks.Overhead;
using KipuHub.Benchmarks.Report;
using KipuHub.Benchmarks.Results;
using KipuHub.Benchmarks.Streaming;
using KipuHub.Benchmarks.Support;
using KipuHub.Benchmarks.Throughput;
using KipuHub.Benchmarks.Waiting;

namespace KipuHub.Benchmarks;

/// <summary>Command line: measure (--short or --full, optionally --only some sections) or regenerate the doc (--report).</summary>
public static class BenchmarkApp
{
    private const string Usage = """
        KipuHub benchmarks (issue 8)

          --short                 a few minutes on 2 cores (the default)
          --full                  longer BenchmarkDotNet jobs, 1 GiB streamed, more rounds and seeds
          --only a,b              some of: overhead, throughput, streaming, waiting (others keep their last figures)
          --results PATH          results file (default tests/KipuHub.Benchmarks/results/latest.json)
          --report                do not measure: rewrite docs/performance.md from the results file
          --ablation              profiling aid: the facade pipeline's cost with one handler left out at a time
          --guard                 profiling aid: the response-body guard's cost per response (unguarded vs guarded)
        """;

    public static async Task<int> MainAsync(string[] args)
    {
        var options = Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var (profile, sections, resultsPath, reportOnly) = options.Value;
        if (args.Contains("--ablation"))
        {
            OverheadBenchmark.RunAblation(profile);
            return 0;
        }

        if (args.Contains("--guard"))
        {
            OverheadBenchmark.RunGuard(profile);
            return 0;
        }

        if (reportOnly)
        {
            WriteDoc(BenchmarkResults.Load(resultsPath), resultsPath);
            return 0;
        }

        var results = File.Exists(resultsPath) ? BenchmarkResults.Load(resultsPath) : new BenchmarkResults();
        results.Machine = MachineInfo.Capture();
        foreach (var section in sections)
        {
            Console.WriteLine($"== {section} ({profile.Name}) ==");
            results.Reset(section);
            var load = MachineInfo.LoadAverage();
            var started = DateTimeOffset.UtcNow;
            var stopwatch = Stopwatch.StartNew();
            await RunSectionAsync(section, profile, results);
            results.Sections[section] = new SectionRun(profile.Name, started, stopwatch.Elapsed.TotalSeconds, load);
            // Saved after every section, so a run stopped half-way keeps what it measured.
            results.Save(resultsPath);
            Print(results, section);
        }

        Console.WriteLine("== all targets ==");
        Console.WriteLine(SectionTables.Checks(results));
        Console.WriteLine($"Results: {resultsPath}. Regenerate docs/performance.md with build/perf-report.sh.");
        return 0;
    }

    private static Task RunSectionAsync(string section, RunProfile profile, BenchmarkResults results)
    {
        switch (section)
        {
            case OverheadBenchmark.Section:
                OverheadBenchmark.Run(profile, results);
                return Task.CompletedTask;
            case ThroughputBenchmark.Section:
                return ThroughputBenchmark.RunAsync(profile, results);
            case StreamingBenchmark.Section:
                return StreamingBenchmark.RunAsync(profile, results);
            default:
                return WaitingBenchmark.RunAsync(profile, results);
        }
    }

    private static void Print(BenchmarkResults results, string section)
    {
        Console.WriteLine();
        Console.WriteLine(SectionTables.Render(results, section));
        Console.WriteLine(SectionTables.Checks(results, section));
    }

    private static void WriteDoc(BenchmarkResults results, string resultsPath)
    {
        File.WriteAllText(RepoPaths.PerformanceDoc, PerformanceDoc.Render(results, resultsPath));
        Console.WriteLine($"Wrote {RepoPaths.PerformanceDoc} from {resultsPath}.");
    }

    private static (RunProfile Profile, string[] Sections, string ResultsPath, bool ReportOnly)? Parse(string[] args)
    {
        var profile = RunProfile.Short;
        var sections = SectionTables.Order;
        var resultsPath = RepoPaths.DefaultResultsFile;
        var reportOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--short":
                    profile = RunProfile.Short;
                    break;
                case "--full":
                    profile = RunProfile.Full;
                    break;
                case "--ablation":
                case "--guard":
                    break;
                case "--report":
                    reportOnly = true;
                    break;
                case "--only" when i + 1 < args.Length:
                    sections = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (sections.Except(SectionTables.Order).Any()) return null;
                    break;
                case "--results" when i + 1 < args.Length:
                    resultsPath = Path.GetFullPath(args[++i]);
                    break;
                default:
                    return null;
            }
        }

        return (profile, sections, resultsPath, reportOnly);
    }
}
