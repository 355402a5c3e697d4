using System.Net;
using KipuHub.Generated.Quantum;
using KipuHub.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KipuHub.Tests.Sessions;

/// <summary>Issue 15 #6: a session knows when it expires, warns once before, and refuses jobs after (sending nothing).</summary>
[TestFixture]
public class HubSessionExpiryTests
{
    private static readonly DateTimeOffset Created = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly CreateSessionRequest Request = new() { BackendId = "aws.sim.sv1", Mode = SessionMode.Batch, Provider = SessionProvider.Aws, Ttl = 3600 };
    private static CreateJobRequest Job => new() { BackendId = "aws.sim.sv1", Shots = 10, Input = new AwsSimSv1JobInput { Value = "OPENQASM 3;" } };

    private static StubHandler Stub(string sessionJson) => new(request => request.RequestUri!.AbsolutePath.EndsWith("/sessions", StringComparison.Ordinal)
        ? StubHandler.Json(HttpStatusCode.Created, sessionJson)
        : Hub.IsBackendGet(request) ? Hub.OnlineBackend(request) : StubHandler.Json(HttpStatusCode.Created, """{"id":"j1","status":"PENDING"}"""));

    private static HubQuantumClient Logged(StubHandler stub, TimeProvider time, TestLoggerFactory logs) => Hub.Quantum(stub, o =>
    {
        o.TimeProvider = time;
        o.LoggerFactory = logs;
    });

    private static int JobPosts(StubHandler stub) => stub.Requests.Count(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.EndsWith("/jobs", StringComparison.Ordinal));

    [Test]
    public async Task ExpiresAt_and_TimeLeft_come_from_the_Hubs_expires_at_on_the_clients_clock()
    {
        var time = new FakeTimeProvider(Created);
        using var client = Hub.Quantum(Stub("""{"id":"s1","status":"OPEN","created_at":"2026-12-01T12:00:00Z","expires_at":"2026-12-01T12:30:00Z"}"""), o => o.TimeProvider = time);
        await using var session = await client.OpenSessionAsync(Request);

        time.Advance(TimeSpan.FromMinutes(10));

        Assert.That(session.ExpiresAt, Is.EqualTo(Created.AddMinutes(30)), "expires_at wins over created_at + requested ttl");
        Assert.That(session.TimeLeft, Is.EqualTo(TimeSpan.FromMinutes(20)));
    }

    [Test]
    public async Task ExpiresAt_without_expires_at_is_created_at_plus_the_requested_ttl()
    {
        using var client = Hub.Quantum(Stub("""{"id":"s1","status":"OPEN","created_at":"2026-12-01T12:00:00Z"}"""), o => o.TimeProvider = new FakeTimeProvider(Created));
        await using var session = await client.OpenSessionAsync(Request);

        Assert.That(session.ExpiresAt, Is.EqualTo(Created.AddHours(1)));
    }

    [Test]
    public async Task ExpiringSoon_is_raised_once_when_a_submission_finds_less_than_the_threshold_left()
    {
        var time = new FakeTimeProvider(Created);
        var logs = new TestLoggerFactory();
        var stub = Stub("""{"id":"s1","status":"OPEN","created_at":"2026-12-01T12:00:00Z","expires_at":"2026-12-01T13:00:00Z"}""");
        using var client = Logged(stub, time, logs);
        await using var session = await client.OpenSessionAsync(Request);
        var raised = 0;
        session.ExpiringSoon += (_, _) => raised++;

        await session.SubmitJobAsync(Job);
        Assert.That(raised, Is.Zero, "an hour left is not soon");

        time.Advance(TimeSpan.FromMinutes(56));
        await session.SubmitJobAsync(Job);
        await session.SubmitJobsAsync([Job]);

        Assert.That(raised, Is.EqualTo(1), "raised once, under the 5 minute default");
        var warning = logs.Lines.Single(l => l.EventId == 201);
        Assert.That(warning.Level, Is.EqualTo(Microsoft.Extensions.Logging.LogLevel.Warning));
        Assert.That(warning.Message, Does.Contain("s1").And.Contain("240 s left"), "logged once, with the time left");
        Assert.That(JobPosts(stub), Is.EqualTo(3), "warning does not stop submissions");
    }

    [Test]
    public async Task ExpiringSoon_threshold_is_a_tenth_of_a_short_sessions_lifetime()
    {
        var time = new FakeTimeProvider(Created);
        using var client = Hub.Quantum(Stub("""{"id":"s1","status":"OPEN","created_at":"2026-12-01T12:00:00Z","expires_at":"2026-12-01T12:10:00Z"}"""), o => o.TimeProvider = time);
        await using var session = await client.OpenSessionAsync(Request);
        var raised = 0;
        session.ExpiringSoon += (_, _) => raised++;

        time.Advance(TimeSpan.FromMinutes(8));
        await session.SubmitJobAsync(Job);
        Assert.That(raised, Is.Zero, "2 of 10 minutes left is more than a tenth");

        time.Advance(TimeSpan.FromMinutes(1.5));
        await session.SubmitJobAsync(Job);
        Assert.That(raised, Is.EqualTo(1));
    }

    [Test]
    public async Task ExpiringSoon_is_raised_by_a_timer_on_the_clients_clock_with_no_call_in_progress()
    {
        var time = new FakeTimeProvider(Created);
        using var client = Hub.Quantum(Stub("""{"id":"s1","status":"OPEN","created_at":"2026-12-01T12:00:00Z","expires_at":"2026-12-01T13:00:00Z"}"""), o => o.TimeProvider = time);
        await using var session = await client.OpenSessionAsync(Request);
        var raisedAt = new List<TimeSpan?>();
        session.ExpiringSoon += (_, _) => raisedAt.Add(session.TimeLeft);

        time.Advance(TimeSpan.FromMinutes(54));
        Assert.That(raisedAt, Is.Empty, "6 minutes left");

        time.Advance(TimeSpan.FromMinutes(1));
        time.Advance(TimeSpan.FromMinutes(4));

        Assert.That(raisedAt, Is.EqualTo(new TimeSpan?[] { TimeSpan.FromMinutes(5) }), "once, exactly at the threshold");
    }

    [Test]
    public async Task A_changed_threshold_or_expiry_moves_the_timer_and_a_closed_session_never_warns()
    {
        var time = new FakeTimeProvider(Created);
        var expiresAt = "2026-12-01T13:00:00Z";
        var stub = new StubHandler(request => request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/close", StringComparison.Ordinal)
            ? StubHandler.Json(HttpStatusCode.OK, """{"id":"s1","status":"CLOSED"}""")
            : StubHandler.Json(request.Method == HttpMethod.Post ? HttpStatusCode.Created : HttpStatusCode.OK, $$"""{"id":"s1","status":"OPEN","created_at":"2026-12-01T12:00:00Z","expires_at":"{{expiresAt}}"}"""));
        using var client = Hub.Quantum(stub, o => o.TimeProvider = time);
        await using var session = await client.OpenSessionAsync(Request);
        var raised = 0;
        session.ExpiringSoon += (_, _) => raised++;

        session.ExpiringSoonThreshold = TimeSpan.FromMinutes(20);
        time.Advance(TimeSpan.FromMinutes(40));
        Assert.That(raised, Is.EqualTo(1), "the larger threshold is due 20 minutes before 13:00");

        await using var second = await client.OpenSessionAsync(Request);
        var secondRaised = 0;
        second.ExpiringSoon += (_, _) => secondRaised++;
        expiresAt = "2026-12-01T14:00:00Z";
        await second.RefreshAsync();
        time.Advance(TimeSpan.FromMinutes(16));
        Assert.That(secondRaised, Is.Zero, "the Hub moved expires_at to 14:00: not due at 12:56");

        await second.CloseAsync();
        time.Advance(TimeSpan.FromHours(2));
        Assert.That(secondRaised, Is.Zero, "a closed session never warns");
    }

    [TestCase("""{"id":"s1","status":"OPEN","created_at":"2026-12-01T12:00:00Z","expires_at":"9999-12-31T23:59:59Z"}""", "9999-12-31T23:59:59Z", TestName = "An_expiry_at_the_end_of_the_calendar_opens_without_a_timer")]
    [TestCase("""{"id":"s1","status":"OPEN","created_at":"9999-12-31T23:30:00Z"}""", null, TestName = "A_start_too_late_for_start_plus_ttl_gives_an_unknown_expiry")]
    [TestCase("""{"id":"s1","status":"OPEN","created_at":"0001-01-01T00:00:00Z","expires_at":"0001-01-01T00:00:01Z"}""", "0001-01-01T00:00:01Z", TestName = "An_expiry_at_the_start_of_the_calendar_is_simply_past")]
    public async Task Extreme_dates_from_the_Hub_never_make_opening_a_session_throw(string sessionJson, string? expiresAt)
    {
        var time = new FakeTimeProvider(Created);
        using var client = Hub.Quantum(Stub(sessionJson), o => o.TimeProvider = time);

        await using var session = await client.OpenSessionAsync(Request);
        time.Advance(TimeSpan.FromDays(400));

        var expected = expiresAt is null ? (DateTimeOffset?)null : DateTimeOffset.Parse(expiresAt, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(session.ExpiresAt, Is.EqualTo(expected));
        Assert.That(session.TimeLeft, Is.EqualTo(expected is null ? null : expected > time.GetUtcNow() ? expected - time.GetUtcNow() : TimeSpan.Zero));
    }

    [Test]
    public async Task A_throwing_ExpiringSoon_handler_is_logged_and_neither_the_timer_nor_a_submission_fails()
    {
        var time = new FakeTimeProvider(Created);
        var logs = new TestLoggerFactory();
        var stub = Stub("""{"id":"s1","status":"OPEN","created_at":"2026-12-01T12:00:00Z","expires_at":"2026-12-01T13:00:00Z"}""");
        using var client = Logged(stub, time, logs);
        await using var session = await client.OpenSessionAsync(Request);
        session.ExpiringSoon += (_, _) => throw new InvalidOperationException("handler bug with secret-ish text");

        time.Advance(TimeSpan.FromMinutes(56));
        await session.SubmitJobAsync(Job);

        var failure = logs.Lines.Single(l => l.EventId == 202);
        Assert.That(failure.Message, Does.Contain("InvalidOperationException").And.Not.Contain("secret-ish"), "the type, not the handler's text");
        Assert.That(JobPosts(stub), Is.EqualTo(1));
    }

    [Test]
    public async Task An_expiring_soon_threshold_larger_than_any_lifetime_warns_at_once_without_overflow()
    {
        var time = new FakeTimeProvider(Created.AddHours(2));
        using var client = Hub.Quantum(Stub("""{"id":"s1","status":"OPEN","created_at":"2026-12-01T12:00:00Z","expires_at":"2026-12-01T13:00:00Z"}"""), o => o.TimeProvider = time);
        await using var session = await client.OpenSessionAsync(Request);

        Assert.DoesNotThrow(() => session.ExpiringSoonThreshold = TimeSpan.MaxValue, "the setter reschedules the warning: no overflowing subtraction");
        Assert.That(session.TimeLeft, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public async Task Submissions_after_the_ttl_ran_out_are_refused_and_send_nothing()
    {
        var time = new FakeTimeProvider(Created);
        var stub = Stub("""{"id":"s1","status":"OPEN","created_at":"2026-12-01T12:00:00Z","expires_at":"2026-12-01T12:30:00Z"}""");
        using var client = Hub.Quantum(stub, o => o.TimeProvider = time);
        await using var session = await client.OpenSessionAsync(Request);

        time.Advance(TimeSpan.FromMinutes(30));

        var single = Assert.ThrowsAsync<HubSessionExpiredException>(() => session.SubmitJobAsync(Job));
        var batch = Assert.ThrowsAsync<HubSessionExpiredException>(() => session.SubmitJobsAsync([Job, Job]));
        Assert.That(single!.Message, Does.Contain("ttl expired").And.Contain("open a new session"));
        Assert.That(single.SessionId, Is.EqualTo("s1"));
        Assert.That(batch!.ExpiresAt, Is.EqualTo(Created.AddMinutes(30)));
        Assert.That(session.TimeLeft, Is.EqualTo(TimeSpan.Zero));
        Assert.That(JobPosts(stub), Is.Zero, "no job POST was sent");
    }

    [Test]
    public async Task Submissions_into_a_closed_session_are_refused_and_send_nothing()
    {
        var stub = new StubHandler(request => request.RequestUri!.AbsolutePath.EndsWith("/sessions", StringComparison.Ordinal)
            ? StubHandler.Json(HttpStatusCode.Created, """{"id":"s1","status":"OPEN"}""")
            : StubHandler.Json(HttpStatusCode.OK, """{"id":"s1","status":"CLOSED"}"""));
        using var client = Hub.Quantum(stub);
        var session = await client.OpenSessionAsync(Request);
        await session.CloseAsync();

        var ex = Assert.ThrowsAsync<HubSessionExpiredException>(() => session.SubmitJobAsync(Job));

        Assert.That(ex!.Message, Does.Contain("closed").And.Contain("OpenSessionAsync"));
        Assert.That(JobPosts(stub), Is.Zero);
    }
}
