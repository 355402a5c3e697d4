using System.Net;
using KipuHub.Http;
using KipuHub.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace KipuHub.Tests.Http;

[TestFixture]
public class LoggingHandlerTests
{
    [Test]
    public async Task SendAsync_LogsMethodPathStatusDurationAndAttempt()
    {
        var time = new FakeTimeProvider();
        var logs = new TestLoggerFactory();
        var stub = new StubHandler((_, _) => { time.Advance(TimeSpan.FromMilliseconds(42)); return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Accepted)); });
        using var invoker = Pipeline.Over(stub, new LoggingHandler(logs, time));

        (await invoker.SendAsync(HttpMethod.Get, "https://hub.test/quantum/jobs?page=2")).Dispose();

        var line = logs.Lines.Single(l => l.EventId == 2);
        Assert.That(line.Level, Is.EqualTo(LogLevel.Debug));
        Assert.That(line.Message, Is.EqualTo("GET /quantum/jobs returned 202 in 42 ms (attempt 1)"));
        Assert.That(line.State.Select(kv => kv.Key), Is.SupersetOf(new[] { "Method", "Path", "StatusCode", "ElapsedMilliseconds", "Attempt" }));
    }

    [Test]
    public void SendAsync_Failure_IsLoggedWithTheException()
    {
        var logs = new TestLoggerFactory();
        using var invoker = Pipeline.Over(new StubHandler((_, _) => throw new HttpRequestException("refused")), new LoggingHandler(logs));

        Assert.ThrowsAsync<HttpRequestException>(() => invoker.SendAsync(HttpMethod.Get, "https://hub.test/quantum/jobs"));

        var line = logs.Lines.Single(l => l.EventId == 3);
        Assert.That(line.Exception, Does.Contain("refused"));
    }

    [Test]
    public void SendAsync_CallerCancellation_IsLoggedAsCancelled()
    {
        var logs = new TestLoggerFactory();
        using var invoker = Pipeline.Over(StubHandler.Hanging(), new LoggingHandler(logs));
        using var cts = new CancellationTokenSource();

        var pending = invoker.SendAsync(HttpMethod.Get, "https://hub.test/quantum/jobs", cts.Token);
        cts.Cancel();

        Assert.CatchAsync<OperationCanceledException>(() => pending);
        Assert.That(logs.Lines.Select(l => l.EventId), Does.Contain(4));
    }
}
