using System.Net;
using KipuHub.Generated.Quantum;
using KipuHub.Tests.Support;

namespace KipuHub.Tests.Sessions;

/// <summary>Issue 12 #10: a session without an id is refused at open, and <c>await using</c> never masks the block's exception.</summary>
[TestFixture]
public class HubSessionTests
{
    private static readonly CreateSessionRequest Request = new() { BackendId = "aws.sim.sv1", Mode = SessionMode.Batch, Provider = SessionProvider.Aws, Ttl = 900 };

    [TestCase("""{"id":"","status":"OPEN"}""", TestName = "OpenSessionAsync_EmptyId_IsAFormatError")]
    [TestCase("""{"id":"   ","status":"OPEN"}""", TestName = "OpenSessionAsync_WhiteSpaceId_IsAFormatError")]
    [TestCase("""{"status":"OPEN"}""", TestName = "OpenSessionAsync_MissingId_IsAFormatError")]
    public void OpenSessionAsync_WithoutAnId_IsAFormatErrorSayingWhatToDo(string body)
    {
        var stub = new StubHandler(HttpStatusCode.Created, body);
        using var client = Hub.Quantum(stub);

        var ex = Assert.ThrowsAsync<HubResponseFormatException>(() => client.OpenSessionAsync(Request));

        Assert.That(ex!.Message, Does.Contain("no session id"));
        Assert.That(ex.Message, Does.Contain("ttl").And.Contain("OpenSessionAsync again"), "says what to do");
        Assert.That(stub.Requests, Has.Count.EqualTo(1), "nothing else is sent");
    }

    [Test]
    public void DisposeAsync_WhenClosingFails_DoesNotReplaceTheBlocksException()
    {
        var stub = new StubHandler((request, _) => request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/sessions", StringComparison.Ordinal)
            ? Task.FromResult(StubHandler.Json(HttpStatusCode.Created, """{"id":"s1","status":"OPEN"}"""))
            : Task.FromException<HttpResponseMessage>(new IOException("the connection broke while closing")));
        using var client = Hub.Quantum(stub, o => o.MaxRetries = 0);

        var ex = Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var session = await client.OpenSessionAsync(Request);
            throw new InvalidOperationException("user code failed");
        });

        Assert.That(ex!.Message, Is.EqualTo("user code failed"));
        Assert.That(stub.Requests, Has.Count.EqualTo(2), "the close was attempted");
    }

    [Test]
    public async Task CloseAsync_WhenClosingFails_Throws_AndDisposeAsyncAfterwardsRetriesQuietly()
    {
        var closes = 0;
        var stub = new StubHandler((request, _) => request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/sessions", StringComparison.Ordinal)
            ? Task.FromResult(StubHandler.Json(HttpStatusCode.Created, """{"id":"s1","status":"OPEN"}"""))
            : Interlocked.Increment(ref closes) == 1
                ? Task.FromException<HttpResponseMessage>(new IOException("the connection broke while closing"))
                : Task.FromResult(StubHandler.Json(HttpStatusCode.OK, """{"id":"s1","status":"CLOSED"}""")));
        using var client = Hub.Quantum(stub, o => o.MaxRetries = 0);
        var session = await client.OpenSessionAsync(Request);

        Assert.ThrowsAsync<HubTransportException>(() => session.CloseAsync(), "CloseAsync is how a caller sees a failed close (a broken connection is a HubTransportException)");
        await session.DisposeAsync();

        Assert.That(closes, Is.EqualTo(2), "dispose tried again, since the first close failed");
        Assert.That(session.Session.Status, Is.EqualTo(SessionStatus.Closed));
    }

    [Test]
    public async Task SubmitJobAsync_sends_the_session_id_on_a_copy_and_leaves_the_callers_request_as_it_was()
    {
        var stub = new StubHandler(request => request.RequestUri!.AbsolutePath.EndsWith("/sessions", StringComparison.Ordinal)
            ? StubHandler.Json(HttpStatusCode.Created, """{"id":"s1","status":"OPEN"}""")
            : Hub.IsBackendGet(request) ? Hub.OnlineBackend(request) : StubHandler.Json(HttpStatusCode.Created, """{"id":"j1","status":"PENDING"}"""));
        using var client = Hub.Quantum(stub);
        await using var session = await client.OpenSessionAsync(Request);
        var job = new CreateJobRequest { BackendId = "aws.sim.sv1", Shots = 10, Input = new AwsSimSv1JobInput { Value = "OPENQASM 3;" } };

        await session.SubmitJobAsync(job);

        Assert.That(job.SessionId, Is.Null, "the caller's object is not changed");
        Assert.That(stub.Requests.Single(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.EndsWith("/jobs", StringComparison.Ordinal)).Body, Does.Contain("\"session_id\":\"s1\""));
        Assert.That(session.JobIds, Is.EqualTo(new[] { "j1" }));
    }
}
