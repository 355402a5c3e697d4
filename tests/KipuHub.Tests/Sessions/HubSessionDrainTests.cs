using System.Net;
using KipuHub.Generated.Quantum;
using KipuHub.Tests.Support;
using KipuHub.Waiting;
using Microsoft.Extensions.Time.Testing;

namespace KipuHub.Tests.Sessions;

/// <summary>Issue 15 #6: DrainAsync stops accepting (here and at the Hub), waits for every job, then closes.</summary>
[TestFixture]
public class HubSessionDrainTests
{
    private static readonly CreateSessionRequest Request = new() { BackendId = "aws.sim.sv1", Mode = SessionMode.Batch, Provider = SessionProvider.Aws, Ttl = 900 };
    private static CreateJobRequest Job => new() { BackendId = "aws.sim.sv1", Shots = 10, Input = new AwsSimSv1JobInput { Value = "OPENQASM 3;" } };

    [Test]
    public async Task Drain_waits_for_a_submission_already_on_its_way_and_refuses_new_ones_at_once()
    {
        var hub = new FakeSessionHub();
        using var client = Hub.Quantum(hub.Handler, o => o.ValidateBeforeSubmit = false);
        await using var session = await client.OpenSessionAsync(Request);

        var submit = session.SubmitJobAsync(Job);
        await hub.JobPostArrived.Task;
        var drain = session.DrainAsync();

        Assert.That(drain.IsCompleted, Is.False, "the submission on its way is awaited");
        Assert.That(hub.Handler.Requests.Any(r => r.Method == HttpMethod.Patch), Is.False, "nothing is asked of the Hub before it lands");
        var refused = Assert.ThrowsAsync<HubSessionExpiredException>(() => session.SubmitJobAsync(Job));
        Assert.That(refused!.Message, Does.Contain("DrainAsync").And.Contain("Nothing was sent"));
        Assert.That(hub.JobPosts, Is.EqualTo(1), "the refused submission sent nothing");

        hub.ReleaseJobPost.SetResult();
        var job = await submit;
        var jobs = await drain;

        Assert.That(jobs.Select(j => j.Id), Is.EqualTo(new[] { job.Id }), "the landed job is waited for, though the Hub's listing lags");
        Assert.That(hub.Calls, Is.EqualTo(new[] { "POST /sessions", "POST /jobs", "PATCH /sessions/s1", "GET /sessions/s1/jobs", "GET /jobs/j1/status", "GET /jobs/j1", "POST /sessions/s1/close" }));
        Assert.That(hub.PatchBody, Does.Contain("\"accept_jobs\":false"));
    }

    [Test]
    public async Task Drain_of_a_session_the_Hub_reports_ended_does_not_ask_it_to_stop_accepting()
    {
        var hub = new FakeSessionHub(sessionStatus: "ABORTED");
        using var client = Hub.Quantum(hub.Handler, o => o.ValidateBeforeSubmit = false);
        await using var session = await client.OpenSessionAsync(Request);

        var jobs = await session.DrainAsync();

        Assert.That(jobs, Is.Empty);
        Assert.That(hub.Calls, Is.EqualTo(new[] { "POST /sessions", "GET /sessions/s1/jobs", "POST /sessions/s1/close" }));
    }

    [Test]
    public async Task A_cancelled_drain_leaves_the_session_open_then_it_can_take_jobs_again_or_be_drained_to_the_end()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var hub = new FakeSessionHub(listed: """[{"id":"j1","status":"RUNNING"}]""") { JobStatus = "RUNNING" };
        using var client = Hub.Quantum(hub.Handler, o =>
        {
            o.ValidateBeforeSubmit = false;
            o.TimeProvider = time;
        });
        await using var session = await client.OpenSessionAsync(Request);
        using var cts = new CancellationTokenSource();

        var first = session.DrainAsync(new WaitOptions { MinInterval = TimeSpan.FromSeconds(1), MaxInterval = TimeSpan.FromSeconds(1) }, cts.Token);
        await hub.StatusPolled.Task;
        await cts.CancelAsync();

        Assert.CatchAsync<OperationCanceledException>(() => first);
        Assert.That(hub.Calls, Does.Not.Contain("POST /sessions/s1/close"), "the jobs still run: the session stays open");
        Assert.ThrowsAsync<HubSessionExpiredException>(() => session.SubmitJobAsync(Job), "and takes no jobs");

        await session.SetAcceptJobsAsync(true);
        hub.ReleaseJobPost.SetResult();
        Assert.That((await session.SubmitJobAsync(Job)).Id, Is.EqualTo("j1"), "accepting again ends the interrupted drain");
        Assert.That(hub.JobPosts, Is.EqualTo(1));

        hub.JobStatus = "COMPLETED";
        var jobs = await session.DrainAsync();

        Assert.That(jobs.Single().Id, Is.EqualTo("j1"));
        Assert.That(hub.Calls.Count(c => c == "POST /sessions/s1/close"), Is.EqualTo(1));
    }

    /// <summary>A Hub of one session, whose job POST waits until released.</summary>
    private sealed class FakeSessionHub
    {
        private readonly List<string> _calls = [];

        public FakeSessionHub(string sessionStatus = "OPEN", string listed = "[]")
        {
            Handler = new StubHandler(async (request, ct) =>
            {
                var path = request.RequestUri!.AbsolutePath[(request.RequestUri.AbsolutePath.IndexOf("/quantum", StringComparison.Ordinal) + "/quantum".Length)..];
                lock (_calls) _calls.Add($"{request.Method} {path}");
                switch (request.Method.Method, path)
                {
                    case ("POST", "/sessions"):
                        return StubHandler.Json(HttpStatusCode.Created, $$"""{"id":"s1","status":"{{sessionStatus}}"}""");
                    case ("POST", "/jobs"):
                        JobPostArrived.TrySetResult();
                        await ReleaseJobPost.Task.WaitAsync(ct);
                        return StubHandler.Json(HttpStatusCode.Created, """{"id":"j1","status":"PENDING"}""");
                    case ("PATCH", "/sessions/s1"):
                        PatchBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(ct);
                        return StubHandler.Json(HttpStatusCode.OK, PatchBody?.Contains("true", StringComparison.Ordinal) == true ? """{"id":"s1","status":"OPEN"}""" : """{"id":"s1","status":"DRAINING"}""");
                    case ("GET", "/sessions/s1/jobs"):
                        return StubHandler.Json(HttpStatusCode.OK, listed);
                    case ("GET", "/jobs/j1/status"):
                        StatusPolled.TrySetResult();
                        return StubHandler.Json(HttpStatusCode.OK, $$"""{"status":"{{JobStatus}}"}""");
                    case ("GET", "/jobs/j1"):
                        return StubHandler.Json(HttpStatusCode.OK, $$"""{"id":"j1","status":"{{JobStatus}}","session_id":"s1"}""");
                    case ("POST", "/sessions/s1/close"):
                        return StubHandler.Json(HttpStatusCode.OK, """{"id":"s1","status":"CLOSED"}""");
                    default:
                        return StubHandler.Json(HttpStatusCode.NotFound, "{}");
                }
            });
        }

        public StubHandler Handler { get; }

        public TaskCompletionSource JobPostArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource ReleaseJobPost { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource StatusPolled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string JobStatus { get; set; } = "COMPLETED";

        public string? PatchBody { get; private set; }

        public int JobPosts => Calls.Count(c => c == "POST /jobs");

        public IReadOnlyList<string> Calls
        {
            get
            {
                lock (_calls) return [.. _calls];
            }
        }
    }
}
