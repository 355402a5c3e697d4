using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using KipuHub.Emulator;

namespace KipuHub.IntegrationTests.Adversarial;

/// <summary>
/// The project-owned adversarial suite (issue 12): a corpus of mutated responses derived from real emulator responses,
/// served byte for byte by a raw loopback socket server, run through every facade call family. Each run must end
/// within a bound (hang detector, not a sleep), end in a value or a documented exception (HubException and subclasses;
/// ArgumentException only for bad caller input, which these runs never pass; OperationCanceledException only when the
/// test cancelled, which it does only after a hang), never accept a document with content after it, never leave a
/// file behind on failure, and never show the canary token (raw or escaped) in an exception, a log or a span.
/// One test per group of cases, so each defect class shows up under its own name.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class AdversarialSuite
{
    private const int Parallelism = 4;
    private const int StallParallelism = 16;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StallBound = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan SizeBound = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentBag<RunRecord> AllRecords = [];
    private static long _logLines;
    private static long _spanCount;

    private readonly ConcurrentDictionary<int, Route> _routes = new();
    private KipuHubEmulator _hub = null!;
    private Baseline _baseline = null!;
    private List<AdversarialCase> _corpus = null!;
    private RawHttpServer _server = null!;
    private SpanCapture _spans = null!;
    private string _tempRoot = null!;
    private int _nextRun;
    private int _minWorkers;
    private int _minIo;
    private readonly Stopwatch _clock = new();

    private sealed record Route(AdversarialCase Case, IReadOnlyDictionary<string, BaseResponse> Baseline, CancellationTokenSource Abort);

    internal sealed record RunRecord(AdversarialCase Case, string Family, string Outcome, IReadOnlyList<(string Class, string Detail)> Failures, TimeSpan Elapsed);

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _clock.Start();
        // Calls that read a stalled body synchronously block a pool thread each; give the pool room so the watchdogs still run.
        ThreadPool.GetMinThreads(out _minWorkers, out _minIo);
        ThreadPool.SetMinThreads(Math.Max(_minWorkers, 48), _minIo);
        _hub = await KipuHubEmulator.StartAsync(new KipuHubEmulatorOptions { Seed = CorpusBuilder.Seed, JobPendingDuration = TimeSpan.FromMilliseconds(5), JobRunningDuration = TimeSpan.FromMilliseconds(5) });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        _baseline = await Baseline.RecordAsync(_hub, cts.Token);
        _corpus = CorpusBuilder.Build(_baseline);
        _server = new RawHttpServer(RouteRequest);
        _spans = new SpanCapture();
        _tempRoot = Path.Combine(Path.GetTempPath(), "kipuhub-adversarial-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_tempRoot);
        TestContext.Out.WriteLine($"baseline recorded and corpus built in {_clock.Elapsed.TotalSeconds:F1} s");
    }

    [OneTimeTearDown]
    public async Task TearDown()
    {
        _spans?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        if (_hub is not null) await _hub.DisposeAsync();
        ThreadPool.SetMinThreads(_minWorkers, _minIo);
        try
        {
            if (_tempRoot is not null) Directory.Delete(_tempRoot, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private (RawResponse, CancellationToken) RouteRequest(RawRequest request)
    {
        // /r/{run}/{path relative to the API base}
        var parts = request.Path.Split('/', 4);
        if (parts.Length < 3 || parts[1] != "r" || !int.TryParse(parts[2], out var runId) || !_routes.TryGetValue(runId, out var route))
        {
            return (new RawResponse { Status = 404, Reason = "Not Found", Headers = [new("Content-Type", "application/json")], Body = "{\"message\":\"no such run\"}"u8.ToArray() }, CancellationToken.None);
        }

        var relative = parts.Length == 4 ? Uri.UnescapeDataString(parts[3]) : "";
        var key = request.Method + " " + relative;
        var target = _baseline.Responses[route.Case.Kind];
        if (key == target.Key) return (route.Case.Response, route.Abort.Token);
        if (route.Baseline.TryGetValue(key, out var real)) return (real.ToRaw(), route.Abort.Token);
        // A redirect the case asked for ("?again=1") or a path the baseline does not know: the case again, so loops are visible.
        return (route.Case.Response, route.Abort.Token);
    }

    // ---- the tests ----------------------------------------------------------------------------------------------------

    [Test]
    [Order(0)]
    public void The_corpus_has_at_least_500_cases_derived_from_real_emulator_responses()
    {
        foreach (var (kind, response) in _baseline.Responses.OrderBy(r => r.Key))
        {
            TestContext.Out.WriteLine($"baseline {kind,-18} {response.Method} {response.Path} -> {response.Status} {response.ContentType}, {response.Body.Length} bytes");
        }

        foreach (var group in _corpus.GroupBy(c => c.Group))
        {
            TestContext.Out.WriteLine($"group {group.Key,-12} {group.Count(),5} cases, {group.Sum(c => FamiliesOf(c).Count()),5} runs");
        }

        TestContext.Out.WriteLine($"total        {_corpus.Count,5} cases, {_corpus.Sum(c => FamiliesOf(c).Count()),5} runs over {CallFamily.All.Count} call families");
        Assert.That(_corpus, Has.Count.GreaterThanOrEqualTo(500));
        Assert.That(_corpus.Select(c => c.ToString()), Is.Unique, "case names identify cases");
        Assert.That(CallFamily.All.Select(f => f.Kind).Distinct().Count(), Is.EqualTo(Enum.GetValues<BodyKind>().Length), "every recorded body is read by some family");
    }

    [Test, Order(1)] public Task Field_mutations() => RunGroupAsync("fields");

    [Test, Order(2)] public Task Root_mutations() => RunGroupAsync("root");

    [Test, Order(3)] public Task Union_discriminators_of_the_wrong_kind() => RunGroupAsync("union");

    [Test, Order(4)] public Task Truncations() => RunGroupAsync("truncation");

    [Test, Order(5)] public Task Encodings_charsets_and_compression() => RunGroupAsync("encoding");

    [Test, Order(6)] public Task Content_after_a_complete_JSON_document() => RunGroupAsync("trailing");

    [Test, Order(7)] public Task Statuses_200_to_599() => RunGroupAsync("status");

    [Test, Order(8)] public Task Transport_content_length_chunking_resets() => RunGroupAsync("transport");

    [Test, Order(9)] public Task Stalled_bodies() => RunGroupAsync("stall");

    [Test, Order(10)] public Task Oversized_and_deeply_nested_bodies() => RunGroupAsync("size");

    [Test, Order(11)] public Task Canary_token_echoed_in_every_form() => RunGroupAsync("canary");

    [Test]
    [Order(100)]
    public void Summary_over_all_groups()
    {
        var records = AllRecords.ToList();
        TestContext.Out.WriteLine($"suite: {records.Count} runs ({records.Select(r => r.Case).Distinct().Count()} cases) in {_clock.Elapsed.TotalSeconds:F1} s (setup included); {_logLines} log lines and {_spanCount} spans scanned");
        PrintCounts(records);
        var unattributed = _spans.Unattributed.Where(Canary.Leaks).ToList();
        Assert.That(unattributed, Is.Empty, "spans outside any run carry the canary");
        if (records.Count > 1000)
        {
            // The canary scan is only as good as what it sees: the capturing logger and the span listener must have seen the runs.
            Assert.That(_logLines, Is.GreaterThan(records.Count / 2), "log lines captured");
            Assert.That(_spanCount, Is.GreaterThan(records.Count / 2), "spans captured");
        }
    }

    // ---- the runner ---------------------------------------------------------------------------------------------------

    private static IEnumerable<CallFamily> FamiliesOf(AdversarialCase c) => CallFamily.All.Where(f => f.Kind == c.Kind);

    private async Task RunGroupAsync(string group)
    {
        var clock = Stopwatch.StartNew();
        var runs = _corpus.Where(c => c.Group == group).SelectMany(c => FamiliesOf(c).Select(f => (Case: c, Family: f))).ToList();
        Assert.That(runs, Is.Not.Empty);
        var records = new ConcurrentBag<RunRecord>();
        var stall = group == "stall";
        await Parallel.ForEachAsync(runs, new ParallelOptions { MaxDegreeOfParallelism = stall ? StallParallelism : Parallelism }, async (run, _) =>
        {
            var record = await RunOneAsync(run.Case, run.Family, stall ? StallBound : group == "size" ? SizeBound : Bound);
            records.Add(record);
            AllRecords.Add(record);
        });

        var list = records.OrderBy(r => r.Case.ToString(), StringComparer.Ordinal).ThenBy(r => r.Family, StringComparer.Ordinal).ToList();
        TestContext.Out.WriteLine($"group '{group}': {list.Count} runs ({list.Select(r => r.Case).Distinct().Count()} cases) in {clock.Elapsed.TotalSeconds:F1} s; slowest {list.Max(r => r.Elapsed).TotalMilliseconds:F0} ms");
        PrintCounts(list);
        var failing = list.Where(r => r.Failures.Count > 0).ToList();
        if (failing.Count == 0) return;

        var report = new StringBuilder();
        report.AppendLine($"{failing.Count} of {list.Count} runs in group '{group}' broke the contract:");
        foreach (var byClass in failing.SelectMany(r => r.Failures.Select(f => (Record: r, f.Class, f.Detail))).GroupBy(x => x.Class).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            report.AppendLine($"[{byClass.Key}] {byClass.Count()}");
            foreach (var byFamily in byClass.GroupBy(x => (x.Record.Family, x.Record.Outcome)).OrderBy(g => g.Key.Family, StringComparer.Ordinal).ThenBy(g => g.Key.Outcome, StringComparer.Ordinal))
            {
                report.AppendLine($"  {byFamily.Key.Family} -> {byFamily.Key.Outcome}: {byFamily.Count()}");
                foreach (var x in byFamily.Take(2)) report.AppendLine($"    e.g. {x.Record.Case}: {x.Detail}");
            }
        }

        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"adversarial-{group}.txt");
        await File.WriteAllLinesAsync(path, failing.Select(r => $"{r.Case}\t{r.Family}\t{r.Outcome}\t{string.Join(" | ", r.Failures.Select(f => f.Class + ": " + f.Detail))}"));
        TestContext.AddTestAttachment(path, "every failing run of the group");
        Assert.Fail(report.ToString());
    }

    /// <summary>The outcome classes of the report: value / HubApiException by status / format / timeout / other HubException / UNDOCUMENTED / HANG.</summary>
    private static string Coarse(string outcome)
    {
        const string perItem = "value with per-item errors: ";
        if (outcome.StartsWith(perItem, StringComparison.Ordinal)) return Coarse(outcome[perItem.Length..]) + " [SubmitJobs per-item]";
        if (outcome.StartsWith("HubApiException ", StringComparison.Ordinal)) return outcome.Split(' ')[0] + " " + outcome.Split(' ')[1];
        if (outcome.StartsWith("UNDOCUMENTED", StringComparison.Ordinal)) return "UNDOCUMENTED";
        if (outcome.StartsWith("HANG", StringComparison.Ordinal)) return "HANG";
        return outcome;
    }

    private static void PrintCounts(IReadOnlyCollection<RunRecord> records)
    {
        TestContext.Out.WriteLine("  -- per outcome class --");
        foreach (var outcome in records.GroupBy(r => Coarse(r.Outcome)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            TestContext.Out.WriteLine($"  class   {outcome.Key,-60} {outcome.Count(),6}");
        }

        TestContext.Out.WriteLine($"  class   {"CANARY-LEAK (runs)",-60} {records.Count(r => r.Failures.Any(f => f.Class == "CANARY-LEAK")),6}");
        TestContext.Out.WriteLine("  -- per outcome, in detail --");
        foreach (var outcome in records.GroupBy(r => r.Outcome).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            TestContext.Out.WriteLine($"  outcome {outcome.Key,-60} {outcome.Count(),6}");
        }

        foreach (var failure in records.SelectMany(r => r.Failures).GroupBy(f => f.Class).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            TestContext.Out.WriteLine($"  FAILURE {failure.Key,-60} {failure.Count(),6}");
        }
    }

    private async Task<RunRecord> RunOneAsync(AdversarialCase @case, CallFamily family, TimeSpan bound)
    {
        var runId = Interlocked.Increment(ref _nextRun);
        using var abort = new CancellationTokenSource();
        using var cancel = new CancellationTokenSource();
        _routes[runId] = new Route(@case, _baseline.ByKey, abort);
        var observation = new RunObservation();
        var temp = Path.Combine(_tempRoot, runId.ToString());
        Directory.CreateDirectory(temp);
        var failures = new List<(string, string)>();
        var clock = Stopwatch.StartNew();
        RunObservation.Current.Value = observation;
        try
        {
            var context = new RunContext
            {
                BaseUrl = new Uri($"http://127.0.0.1:{_server.Port}/r/{runId}/"),
                Logger = new CapturingLoggerFactory(observation),
                MaxRetries = @case.Group == "transport" ? 1 : 0,
                Baseline = _baseline,
                TempDirectory = temp,
                Cancellation = cancel.Token,
            };
            var call = Task.Run(() => family.Run(context));
            string? hang = null;
            if (await Task.WhenAny(call, Task.Delay(bound)) != call)
            {
                // Hang detector only: the call had its whole time bound. Cancel, then cut the connection, to free what it holds.
                cancel.Cancel();
                if (await Task.WhenAny(call, Task.Delay(TimeSpan.FromMilliseconds(750))) == call)
                {
                    hang = "HANG (no timeout; ends only when the caller cancels)";
                }
                else
                {
                    abort.Cancel();
                    await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(2)));
                    hang = "HANG (ignores the caller's cancellation" + (call.IsCompleted ? "; ended only when the server closed)" : "; still running after the server closed)");
                }
            }

            var elapsed = clock.Elapsed;
            string outcome;
            Exception? error = null;
            FamilyResult? result = null;
            if (hang is not null)
            {
                outcome = hang;
                failures.Add((hang, $"no end within {bound.TotalSeconds:F0} s"));
                if (call.IsCompleted) error = call.Exception?.GetBaseException();
            }
            else if (call.IsCompletedSuccessfully)
            {
                result = call.Result;
                outcome = result.ReportedErrors.Count == 0 ? "value" : "value with per-item errors: " + Classify(result.ReportedErrors[0], cancelled: false);
            }
            else
            {
                error = call.Exception!.InnerExceptions.Count == 1 ? call.Exception.InnerExceptions[0] : call.Exception;
                outcome = Classify(error, cancel.IsCancellationRequested);
            }

            if (hang is null && outcome.StartsWith("UNDOCUMENTED", StringComparison.Ordinal))
            {
                failures.Add((outcome, Describe(error!)));
            }

            foreach (var reported in result?.ReportedErrors ?? [])
            {
                var cls = Classify(reported, cancelled: false);
                if (cls.StartsWith("UNDOCUMENTED", StringComparison.Ordinal)) failures.Add((cls + " (inside JobSubmission.Error)", Describe(reported)));
            }

            // Content after the document, or a cut document, returned as a value.
            if (result is { AnyItemAccepted: true } && family.ParsesJson && @case.Expect.HasFlag(Expectation.JsonMustFail))
            {
                failures.Add(("SILENT-GARBAGE (incomplete or trailing JSON accepted)", $"{family.Name} returned a value"));
            }

            if (result?.Bytes is { } bytes && @case.Expect.HasFlag(Expectation.ContentIsCut) && @case.IntactContent is { } intact
                && bytes.Length < intact.Length && intact.AsSpan().StartsWith(bytes))
            {
                failures.Add(("SILENT-GARBAGE (cut download saved as complete)", $"{family.Name} returned {bytes.Length} of {intact.Length} bytes as complete"));
            }

            if (result?.Pages > RunContext.MaxPages) failures.Add(("RUNAWAY-PAGING", $"more than {RunContext.MaxPages} pages"));

            if (family.Downloads && result is null)
            {
                var left = Directory.EnumerateFiles(temp).Select(f => $"{Path.GetFileName(f)} ({new FileInfo(f).Length} bytes)").ToList();
                if (left.Count > 0) failures.Add(("PARTIAL-FILE", "left behind: " + string.Join(", ", left)));
            }

            // The canary, in any form, anywhere a caller or an operator can read.
            var leaks = new List<string>();
            foreach (var ex in new[] { error }.Concat(result?.ReportedErrors ?? []).OfType<Exception>())
            {
                leaks.AddRange(ExceptionText.All(ex).Where(t => Canary.Leaks(t.Text)).Select(t => $"{t.Where}: {Snippet(t.Text)}"));
            }

            Interlocked.Add(ref _logLines, observation.Logs.Count);
            Interlocked.Add(ref _spanCount, observation.Spans.Count);
            leaks.AddRange(observation.Logs.Where(Canary.Leaks).Select(l => $"log: {Snippet(l)}"));
            leaks.AddRange(observation.Spans.Where(Canary.Leaks).Select(s => $"span: {Snippet(s)}"));
            if (leaks.Count > 0)
            {
                failures.Add(("CANARY-LEAK", $"{outcome}; {leaks.Count} places, first {string.Join(" || ", leaks.Distinct().Take(2))}"));
            }

            return new RunRecord(@case, family.Name, outcome, failures, elapsed);
        }
        finally
        {
            RunObservation.Current.Value = null;
            abort.Cancel();
            _routes.TryRemove(runId, out _);
        }
    }

    private static string Classify(Exception error, bool cancelled) => error switch
    {
        HubResponseFormatException => "HubResponseFormatException",
        HubApiException api => $"HubApiException {api.StatusCode} ({api.GetType().Name})",
        HubTimeoutException => "HubTimeoutException",
        HubDownloadException => "HubDownloadException",
        HubException hub => $"other HubException ({hub.GetType().Name})",
        OperationCanceledException when cancelled => "OperationCanceledException (test cancelled)",
        _ => $"UNDOCUMENTED {error.GetType().FullName}" + (error.InnerException is { } inner ? $" <- {inner.GetType().Name}" : ""),
    };

    private static string Describe(Exception error) => $"{error.GetType().Name}: {Snippet(error.Message)}";

    private static string Snippet(string text)
    {
        var masked = Canary.Mask(text).ReplaceLineEndings(" ");
        return masked.Length <= 200 ? masked : masked[..200] + "...";
    }
}
