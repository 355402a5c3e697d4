using KipuHub.Tests.Support;
using System.Diagnostics;
using KipuHub.Emulator.Faults;
using KipuHub.Generated.Quantum;
using KipuHub.Jobs;
using Newtonsoft.Json.Linq;

namespace KipuHub.IntegrationTests;

/// <summary>Waiting, sessions, streaming, paging and batches against the emulator.</summary>
[TestFixture]
public class LifecycleTests : EmulatorFixture
{
    private string _dir = null!;

    [SetUp]
    public void MakeDirectory() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), "kipuhub-it-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task Waits_on_100_jobs_at_once()
    {
        using var client = QuantumClient();
        var submitted = await client.SubmitJobsAsync(Enumerable.Range(0, 100).Select(_ => Circuits.Bell(shots: 10)), new JobBatchOptions { MaxConcurrency = 16 });
        Assert.That(submitted.All(s => s.Succeeded), Is.True);

        var jobs = await client.WaitForAllAsync(submitted.Select(s => s.Job!.Id!), Fast);

        Assert.That(jobs.Select(j => j.Id), Is.EqualTo(submitted.Select(s => s.Job!.Id)), "results in input order");
        Assert.That(jobs.All(j => j.Status == JobStatus.Completed), Is.True);
    }

    [Test]
    public async Task A_session_closes_on_dispose_even_when_the_code_inside_throws()
    {
        using var client = QuantumClient();
        string? sessionId = null;

        Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var session = await client.OpenSessionAsync(new CreateSessionRequest { BackendId = "aws.sim.sv1", Mode = SessionMode.Batch, Provider = SessionProvider.Aws, Ttl = 900 });
            sessionId = session.Id;
            await session.SubmitJobAsync(Circuits.BellQasm());
            throw new InvalidOperationException("user code failed");
        });

        var seen = new List<SessionStatus>();
        await foreach (var status in client.WatchSessionAsync(sessionId!, Fast)) seen.Add(status);
        Assert.That(seen[^1], Is.EqualTo(SessionStatus.Closed));
        var closed = await client.WaitForSessionAsync(sessionId!, Fast);
        Assert.That(closed.Status, Is.EqualTo(SessionStatus.Closed));
        Assert.That((await client.Sessions.GetJobsBySessionAsync(sessionId!)).Count, Is.EqualTo(1));
        Assert.ThrowsAsync<UnprocessableEntityException>(() => client.Jobs.CreateJobAsync(WithSession(Circuits.BellQasm(), sessionId!)), "a closed session rejects jobs");
    }

    [Test]
    public async Task Session_state_can_stop_and_resume_accepting_jobs_and_its_jobs_can_be_awaited()
    {
        using var client = QuantumClient();
        await using var session = await client.OpenSessionAsync(new CreateSessionRequest { BackendId = "aws.sim.sv1", Mode = SessionMode.Dedicated, Provider = SessionProvider.Aws });
        await session.SubmitJobAsync(Circuits.BellQasm());
        await session.SetAcceptJobsAsync(false);
        Assert.ThrowsAsync<UnprocessableEntityException>(() => session.SubmitJobAsync(Circuits.BellQasm()));
        await session.SetAcceptJobsAsync(true);
        await session.SubmitJobAsync(Circuits.BellQasm());

        var jobs = await session.WaitForJobsAsync(Fast);

        Assert.That(jobs, Has.Count.EqualTo(2));
        Assert.That(jobs.All(j => j.SessionId == session.Id && j.Status == JobStatus.Completed), Is.True);
    }

    [Test]
    public async Task A_100_MB_result_downloads_to_a_file_in_constant_memory()
    {
        const long size = 100_000_000;
        using var client = QuantumClient();
        var job = await client.WaitForCompletionAsync((await client.SubmitJobAsync(Circuits.Bell(shots: 10, new() { ["emulator_result_bytes"] = size }))).Id!, Fast);
        var path = Path.Combine(_dir, "result.json");
        long lastProgress = 0;

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var written = await client.DownloadJobResultAsync(job.Id!, path, progress: new SyncProgress<long>(n => lastProgress = n));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Assert.That(written, Is.EqualTo(size));
        Assert.That(new FileInfo(path).Length, Is.EqualTo(size));
        Assert.That(lastProgress, Is.EqualTo(size));
        TestContext.Out.WriteLine($"allocated while downloading 100 MB (client and in-process emulator together): {allocated / 1024 / 1024.0:F1} MB");
        Assert.That(allocated, Is.LessThan(32L * 1024 * 1024), "memory growth must stay under 32 MB for a 100 MB result");
        Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(1), "no temporary file left behind");
    }

    [Test]
    public async Task A_download_cut_off_by_the_server_throws_and_leaves_no_destination_file()
    {
        using var client = QuantumClient();
        var job = await client.WaitForCompletionAsync((await client.SubmitJobAsync(Circuits.Bell(shots: 10, new() { ["emulator_result_bytes"] = 5_000_000 }))).Id!, Fast);
        Hub.Faults.Add(FaultRule.TruncateBody("GET", "/quantum/jobs/*/result-stream", afterBytes: 1_000_000));
        var path = Path.Combine(_dir, "result.json");

        var ex = Assert.ThrowsAsync<HubDownloadException>(() => client.DownloadJobResultAsync(job.Id!, path));

        Assert.That(ex!.Message, Does.Contain("Nothing was saved"));
        Assert.That(ex.ExpectedBytes, Is.EqualTo(5_000_000));
        Assert.That(File.Exists(path), Is.False);
        Assert.That(Directory.GetFiles(_dir), Is.Empty, "the partial temporary file is removed too");
    }

    [Test]
    public async Task A_result_streams_into_JSON_and_into_a_caller_stream()
    {
        using var client = QuantumClient();
        var job = await client.RunJobAsync(Circuits.BellQasm(shots: 50), Fast);

        var json = await client.ReadJobResultAsync(job.Job.Id!);
        using var copy = new MemoryStream();
        var bytes = await client.CopyJobResultToAsync(job.Job.Id!, copy);

        Assert.That(json["counts"]!.Children<JProperty>().Sum(p => (int)p.Value), Is.EqualTo(50));
        Assert.That(bytes, Is.EqualTo(copy.Length).And.GreaterThan(0));
    }

    [Test]
    public async Task Jobs_and_workloads_page_lazily()
    {
        using var client = QuantumClient(Hub.OrganizationIds[0]);
        var submitted = await client.SubmitJobsAsync(Enumerable.Range(0, 23).Select(_ => Circuits.Bell(shots: 1)));
        var expected = submitted.Select(s => s.Job!.Id!).ToHashSet();

        var seen = new List<string>();
        await foreach (var job in client.GetJobsAsync(pageSize: 5, sort: ["created_at,asc"])) seen.Add(job.Id!);
        var pages = new List<int>();
        await foreach (var page in client.GetJobsAsync(pageSize: 10).AsPages()) pages.Add(page.Values.Count);
        var workloads = 0;
        await foreach (var _ in client.GetWorkloadsAsync(pageSize: 7)) workloads++;

        Assert.That(seen, Is.SupersetOf(expected));
        Assert.That(seen, Is.Unique);
        Assert.That(pages, Is.EqualTo(new[] { 10, 10, 3 }), "three requests, the last one short");
        Assert.That(workloads, Is.EqualTo(23));
    }

    [Test]
    public async Task A_batch_of_200_where_10_percent_of_submissions_fail_creates_no_duplicate_job()
    {
        using var client = QuantumClient(Hub.OrganizationIds[1], maxRetries: 3);
        var before = Hub.Requests.CountOf("POST", "/quantum/jobs");
        // 10 submissions fail before the server acts, 10 after it created the job (the dangerous case for retries).
        Hub.Faults.Add(new FaultRule(FaultKind.ServerError, "/quantum/jobs") { Method = "POST", SkipFirst = 20, Times = 10, StatusCode = 503 });
        Hub.Faults.Add(new FaultRule(FaultKind.ResetAfterHandling, "/quantum/jobs") { Method = "POST", SkipFirst = 100, Times = 10 });

        var results = await client.SubmitJobsAsync(Enumerable.Range(0, 200).Select(_ => Circuits.Bell(shots: 1)), new JobBatchOptions { MaxConcurrency = 8 });

        Assert.That(Hub.Requests.CountOf("POST", "/quantum/jobs") - before, Is.EqualTo(200), "every submission was POSTed exactly once");
        // The 10 lost answers are resolved by their batch tags (docs/beyond-the-official-sdks.md#resolved-submissions): found, or proven absent.
        Assert.That(results.Count(r => r.Succeeded && !r.ResolvedBySearch), Is.EqualTo(180));
        Assert.That(results.Count(r => r.Succeeded && r.ResolvedBySearch), Is.EqualTo(10));
        Assert.That(results.Count(r => r.Outcome == JobSubmissionOutcome.NotCreated), Is.EqualTo(10));
        Assert.That(results.Count(r => r.Outcome == JobSubmissionOutcome.Unknown), Is.Zero);
        Assert.That(results.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, 200)));
        var onServer = new List<Job>();
        await foreach (var job in client.GetJobsAsync(pageSize: 100)) onServer.Add(job);
        Assert.That(onServer.Count, Is.EqualTo(190), "180 confirmed + 10 created before the connection reset, none twice");
        Assert.That(onServer.SelectMany(j => j.Tags ?? []).Where(t => t.StartsWith("kipuhub-batch:", StringComparison.Ordinal)), Is.Unique);
    }

    private static CreateJobRequest WithSession(CreateJobRequest request, string sessionId)
    {
        request.SessionId = sessionId;
        return request;
    }
}
