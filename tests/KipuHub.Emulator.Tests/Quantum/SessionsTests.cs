using KipuHub.Emulator.Tests.Support;
using KipuHub.Generated.Quantum;
using Newtonsoft.Json.Linq;

namespace KipuHub.Emulator.Tests.Quantum;

[TestFixture]
public class SessionsTests : EmulatorTestBase
{
    private Task<Session> OpenAsync(int? ttl = null) => Sessions.CreateSessionAsync(new CreateSessionRequest
    {
        BackendId = "aws.sim.sv1",
        Mode = SessionMode.Batch,
        Provider = SessionProvider.Aws,
        Ttl = ttl,
        Tags = ["nightly"],
        Metadata = new JObject { ["purpose"] = "test" },
    });

    [Test]
    public async Task A_mode_spelled_otherwise_than_the_specs_enum_is_refused()
    {
        using var content = new StringContent("""{"backend_id":"aws.sim.sv1","mode":"DEDICATED","provider":"AWS"}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri("sessions", UriKind.Relative), content);

        Assert.That((int)response.StatusCode, Is.EqualTo(422), "the spec's SessionMode is 'batch' or 'dedicated'; an accepted 'DEDICATED' would be echoed back outside the enum");
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("use 'batch' or 'dedicated'"));
    }

    [Test]
    public async Task A_session_goes_open_active_inactive_and_lists_its_jobs()
    {
        var session = await OpenAsync(ttl: 900);
        Assert.That(session.Status, Is.EqualTo(SessionStatus.Open));
        Assert.That(session.ExpiresAt, Is.EqualTo(session.CreatedAt!.Value.AddSeconds(900)));
        Assert.That(session.AcceptJobs, Is.True);
        Assert.That(session.Mode, Is.EqualTo(SessionMode.Batch));
        Assert.That(((JObject)session.Metadata!).Value<string>("purpose"), Is.EqualTo("test"));

        var first = await Jobs.CreateJobAsync(Circuits.QasmBell(sessionId: session.Id));
        var second = await Jobs.CreateJobAsync(Circuits.QasmBell(sessionId: session.Id));
        Assert.That((await Sessions.GetSessionStatusAsync(session.Id!)).Status, Is.EqualTo(SessionStatus.Active));
        Advance(LongEnough);

        var inactive = await Sessions.GetSessionAsync(session.Id!);
        var jobs = await Sessions.GetJobsBySessionAsync(session.Id!);
        Assert.That(inactive.Status, Is.EqualTo(SessionStatus.Inactive));
        Assert.That(inactive.UsageTimeMillis, Is.EqualTo(100));
        Assert.That(inactive.StartedAt, Is.Not.Null);
        Assert.That(jobs.Select(j => j.Id), Is.EqualTo(new[] { first.Id, second.Id }));
        Assert.That(jobs.All(j => j.SessionId == session.Id), Is.True);
    }

    [Test]
    public async Task Accept_jobs_false_rejects_submissions_until_turned_back_on()
    {
        var session = await OpenAsync();

        var paused = await Sessions.UpdateSessionStateAsync(session.Id!, new UpdateSessionStateRequest { AcceptJobs = false });
        var rejected = Api.FailsWith(422, () => Jobs.CreateJobAsync(Circuits.QasmBell(sessionId: session.Id)));
        await Sessions.UpdateSessionStateAsync(session.Id!, new UpdateSessionStateRequest { AcceptJobs = true });
        var accepted = await Jobs.CreateJobAsync(Circuits.QasmBell(sessionId: session.Id));

        Assert.That(paused.AcceptJobs, Is.False);
        Assert.That(rejected.Value<string>("message"), Does.Contain("accept_jobs"));
        Assert.That(accepted.SessionId, Is.EqualTo(session.Id));
    }

    [Test]
    public async Task A_closed_session_drains_its_jobs_then_closes_and_rejects_new_ones()
    {
        var session = await OpenAsync();
        await Jobs.CreateJobAsync(Circuits.QasmBell(sessionId: session.Id));

        var draining = await Sessions.CloseSessionAsync(session.Id!);
        var rejected = Api.FailsWith(422, () => Jobs.CreateJobAsync(Circuits.QasmBell(sessionId: session.Id)));
        Api.FailsWith(422, () => Sessions.UpdateSessionStateAsync(session.Id!, new UpdateSessionStateRequest { AcceptJobs = true }));
        Advance(LongEnough);
        var closed = await Sessions.GetSessionAsync(session.Id!);
        var closedAgain = await Sessions.CloseSessionAsync(session.Id!);

        Assert.That(draining.Status, Is.EqualTo(SessionStatus.Draining));
        Assert.That(draining.AcceptJobs, Is.False);
        Assert.That(rejected.Value<string>("message"), Does.Contain("closed"));
        Assert.That(closed.Status, Is.EqualTo(SessionStatus.Closed));
        Assert.That(closed.Final, Is.True);
        Assert.That(closed.FinalNotAborted, Is.True);
        Assert.That(closed.ClosedAt, Is.Not.Null);
        Assert.That(closedAgain.Status, Is.EqualTo(SessionStatus.Closed));
    }

    [Test]
    public async Task A_session_expires_after_its_ttl()
    {
        var session = await OpenAsync(ttl: 60);
        Advance(TimeSpan.FromSeconds(61));

        var expired = await Sessions.GetSessionAsync(session.Id!);
        var rejected = Api.FailsWith(422, () => Jobs.CreateJobAsync(Circuits.QasmBell(sessionId: session.Id)));

        Assert.That(expired.Status, Is.EqualTo(SessionStatus.Closed));
        Assert.That(expired.AcceptJobs, Is.False);
        Assert.That(rejected.Value<string>("message"), Does.Contain("ttl expired"));
    }

    [Test]
    public async Task Invalid_sessions_and_mismatched_jobs_are_rejected_with_clear_reasons()
    {
        var session = await OpenAsync();

        var noSessions = Api.FailsWith(422, () => Sessions.CreateSessionAsync(new CreateSessionRequest { BackendId = "azure.ionq.simulator", Mode = SessionMode.Batch, Provider = SessionProvider.Azure }));
        var wrongProvider = Api.FailsWith(422, () => Sessions.CreateSessionAsync(new CreateSessionRequest { BackendId = "aws.sim.sv1", Mode = SessionMode.Batch, Provider = SessionProvider.Ibm }));
        var badMode = Api.FailsWith(422, () => Sessions.CreateSessionAsync(new CreateSessionRequest { BackendId = "aws.sim.sv1", Mode = new SessionMode("interactive"), Provider = SessionProvider.Aws }));
        var badTtl = Api.FailsWith(422, () => Sessions.CreateSessionAsync(new CreateSessionRequest { BackendId = "aws.sim.sv1", Mode = SessionMode.Dedicated, Provider = SessionProvider.Aws, Ttl = 999_999 }));
        var wrongBackend = Api.FailsWith(422, () => Jobs.CreateJobAsync(Circuits.QasmBell("aws.iqm.garnet", sessionId: session.Id)));
        var unknown = Api.FailsWith(404, () => Jobs.CreateJobAsync(Circuits.QasmBell(sessionId: "no-such-session")));
        Api.FailsWith(404, () => Sessions.GetSessionAsync("no-such-session"));
        Api.FailsWith(404, () => Sessions.CloseSessionAsync("no-such-session"));

        Assert.That(noSessions.Value<string>("message"), Does.Contain("does not support sessions"));
        Assert.That(wrongProvider.Value<string>("message"), Does.Contain("belongs to AWS"));
        Assert.That(badMode.Value<string>("message"), Does.Contain("batch"));
        Assert.That(badTtl.Value<string>("message"), Does.Contain("ttl"));
        Assert.That(wrongBackend.Value<string>("message"), Does.Contain("runs on 'aws.sim.sv1'"));
        Assert.That(unknown.Value<string>("message"), Does.Contain("no-such-session"));
    }
}
