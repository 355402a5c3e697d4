using KipuHub.Generated.Quantum;
using KipuHub.Generated.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KipuHub.Generated.Tests.Quantum;

[TestFixture]
public class SessionsClientTests : GeneratedClientTestBase
{
    private const string SessionJson = """
        {"id":"s1","backend_id":"aws.sim.sv1","provider":"AWS","status":"OPEN","mode":"batch","created_at":"2026-11-24T08:00:00Z",
         "expires_at":"2026-11-24T08:15:00Z","usage_time_millis":1200,"provider_id":"p-9","tags":["a"],"metadata":{"k":"v"},
         "sdk_provider":"CLIENT","final":false,"final_not_aborted":false,"accept_jobs":true}
        """;

    protected override string BaseAddress => MockHub.QuantumBase;

    private SessionsClient Client => new(Hub.Http);

    [Test]
    public async Task CreateSession_posts_snake_case_body_and_maps_201()
    {
        Expect(HttpMethod.Post, "sessions").Respond(_ => Json(SessionJson, System.Net.HttpStatusCode.Created));

        var session = await Client.CreateSessionAsync(new CreateSessionRequest
        {
            BackendId = "aws.sim.sv1",
            Mode = SessionMode.Batch,
            Provider = SessionProvider.Aws,
            Ttl = 900,
            Tags = ["a"],
        });

        AssertJsonBody("""{"backend_id":"aws.sim.sv1","mode":"batch","provider":"AWS","ttl":900,"tags":["a"]}""");
        Assert.Multiple(() =>
        {
            Assert.That(session.Id, Is.EqualTo("s1"));
            Assert.That(session.Status, Is.EqualTo(SessionStatus.Open));
            Assert.That(session.Mode, Is.EqualTo(SessionMode.Batch));
            Assert.That(session.ExpiresAt, Is.EqualTo(new DateTimeOffset(2026, 11, 24, 8, 15, 0, TimeSpan.Zero)));
            Assert.That(session.UsageTimeMillis, Is.EqualTo(1200));
            Assert.That(session.ProviderId, Is.EqualTo("p-9"));
            Assert.That((string?)((JToken)session.Metadata!)["k"], Is.EqualTo("v"));
            Assert.That(session.SdkProvider, Is.EqualTo(SessionSdkProvider.Client));
            Assert.That(session.Final, Is.False);
            Assert.That(session.AcceptJobs, Is.True);
        });
    }

    [Test]
    public async Task GetSession_maps_the_record()
    {
        Expect(HttpMethod.Get, "sessions/s1").Respond(_ => Json(SessionJson));
        var session = await Client.GetSessionAsync("s1");
        Assert.That(session.BackendId, Is.EqualTo("aws.sim.sv1"));
        Assert.That(session.Provider, Is.EqualTo(SessionProvider.Aws));
    }

    [Test]
    public async Task UpdateSessionState_patches_accept_jobs()
    {
        Expect(HttpMethod.Patch, "sessions/s1").Respond(_ => Json("""{"id":"s1","status":"DRAINING","accept_jobs":false}"""));
        var session = await Client.UpdateSessionStateAsync("s1", new UpdateSessionStateRequest { AcceptJobs = false });
        AssertJsonBody("""{"accept_jobs":false}""");
        Assert.That(session.Status, Is.EqualTo(SessionStatus.Draining));
        Assert.That(session.AcceptJobs, Is.False);
    }

    [Test]
    public async Task GetSessionStatus_maps_the_terse_view()
    {
        Expect(HttpMethod.Get, "sessions/s1/status").Respond(_ => Json("""{"status":"ACTIVE"}"""));
        Assert.That((await Client.GetSessionStatusAsync("s1")).Status, Is.EqualTo(SessionStatus.Active));
    }

    [Test]
    public async Task GetJobsBySession_maps_the_job_list()
    {
        Expect(HttpMethod.Get, "sessions/s1/jobs").Respond(_ => Json("""[{"id":"j1","session_id":"s1"},{"id":"j2","session_id":"s1"}]"""));
        var jobs = await Client.GetJobsBySessionAsync("s1");
        Assert.That(jobs.Select(j => j.Id), Is.EqualTo(new[] { "j1", "j2" }));
        Assert.That(jobs.All(j => j.SessionId == "s1"), Is.True);
    }

    [Test]
    public async Task CloseSession_posts_to_close_without_a_body()
    {
        Expect(HttpMethod.Post, "sessions/s1/close").Respond(_ => Json("""{"id":"s1","status":"CLOSED","final":true,"final_not_aborted":true}"""));
        var session = await Client.CloseSessionAsync("s1");
        Assert.That(Sent.Body, Is.Null.Or.Empty);
        Assert.That(session.Status, Is.EqualTo(SessionStatus.Closed));
        Assert.That(session.FinalNotAborted, Is.True);
    }
}
