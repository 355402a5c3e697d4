using KipuHub.Http;
using KipuHub.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KipuHub.Tests.Http;

[TestFixture]
public class TimeoutHandlerTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    [Test]
    public void SendAsync_NoResponseWithinTimeout_ThrowsHubTimeoutExceptionSayingWhatTimedOut()
    {
        var time = new FakeTimeProvider();
        using var invoker = Pipeline.Over(StubHandler.Hanging(), new TimeoutHandler(TimeSpan.FromSeconds(60), time));

        var pending = invoker.SendAsync(HttpMethod.Get, "https://hub.test/quantum/jobs/j1?x=secret");
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.That(pending.IsCompleted, Is.False);
        time.Advance(TimeSpan.FromSeconds(1));

        var ex = Assert.ThrowsAsync<HubTimeoutException>(() => pending.WaitAsync(Grace));
        Assert.That(ex!.Timeout, Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(ex.Operation, Is.EqualTo("GET /quantum/jobs/j1"));
        Assert.That(ex.Message, Does.Contain("GET /quantum/jobs/j1 got no response within 60 s"));
        Assert.That(ex.Message, Does.Contain("Timeout option"));
        Assert.That(ex.Message, Does.Not.Contain("secret"), "the query string is never part of a message");
    }

    [Test]
    public void SendAsync_CallerCancels_ThrowsOperationCanceledNotTimeout()
    {
        var time = new FakeTimeProvider();
        using var invoker = Pipeline.Over(StubHandler.Hanging(), new TimeoutHandler(TimeSpan.FromSeconds(60), time));
        using var cts = new CancellationTokenSource();

        var pending = invoker.SendAsync(HttpMethod.Get, "https://hub.test/quantum/jobs", cts.Token);
        cts.Cancel();

        var ex = Assert.CatchAsync<OperationCanceledException>(() => pending.WaitAsync(Grace));
        Assert.That(ex, Is.Not.InstanceOf<HubTimeoutException>());
    }

    [Test]
    public async Task SendAsync_InfiniteTimeout_NeverTimesOut()
    {
        var time = new FakeTimeProvider();
        var release = new TaskCompletionSource<HttpResponseMessage>();
        using var invoker = Pipeline.Over(new StubHandler((_, _) => release.Task), new TimeoutHandler(Timeout.InfiniteTimeSpan, time));

        var pending = invoker.SendAsync(HttpMethod.Get, "https://hub.test/x");
        time.Advance(TimeSpan.FromDays(1));
        release.SetResult(new HttpResponseMessage());

        using var response = await pending.WaitAsync(Grace);
        Assert.That(response.IsSuccessStatusCode, Is.True);
    }

    [Test]
    public async Task SendAsync_SystemClock_EveryAttemptGetsAFreshUncancelledToken()
    {
        // On the system clock the handler reuses the cancellation sources of finished attempts: a reused one must
        // look new to the next attempt, after synchronous answers, answers that waited, and a cancelled attempt.
        var seen = new List<(bool CanBeCanceled, bool IsCancellationRequested)>();
        var release = new TaskCompletionSource<HttpResponseMessage>();
        var mode = "sync";
        using var invoker = Pipeline.Over(
            new StubHandler((_, ct) =>
            {
                seen.Add((ct.CanBeCanceled, ct.IsCancellationRequested));
                return mode switch
                {
                    "sync" => Task.FromResult(new HttpResponseMessage()),
                    "waits" => release.Task,
                    _ => Hang(ct),
                };
            }),
            new TimeoutHandler(TimeSpan.FromSeconds(60)));

        for (var i = 0; i < 3; i++)
        {
            using var response = await invoker.SendAsync(HttpMethod.Get, "https://hub.test/x").WaitAsync(Grace);
        }

        mode = "waits";
        var waiting = invoker.SendAsync(HttpMethod.Get, "https://hub.test/x");
        release.SetResult(new HttpResponseMessage());
        (await waiting.WaitAsync(Grace)).Dispose();

        mode = "hangs";
        using (var cts = new CancellationTokenSource())
        {
            var hanging = invoker.SendAsync(HttpMethod.Get, "https://hub.test/x", cts.Token);
            cts.Cancel();
            Assert.CatchAsync<OperationCanceledException>(() => hanging.WaitAsync(Grace));
        }

        mode = "sync";
        for (var i = 0; i < 3; i++)
        {
            using var response = await invoker.SendAsync(HttpMethod.Get, "https://hub.test/x").WaitAsync(Grace);
        }

        Assert.That(seen, Has.Count.EqualTo(8));
        Assert.That(seen, Has.All.EqualTo((true, false)));
    }

    private static Task<HttpResponseMessage> Hang(CancellationToken cancellationToken)
    {
        var never = new TaskCompletionSource<HttpResponseMessage>();
        cancellationToken.Register(() => never.TrySetCanceled(cancellationToken));
        return never.Task;
    }

    [Test]
    public void Ctor_ZeroTimeout_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeoutHandler(TimeSpan.Zero));
}
