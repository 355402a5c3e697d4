using System.Net;
using KipuHub.Http;
using KipuHub.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace KipuHub.Tests.Http;

/// <summary>
/// Delays run on a FakeTimeProvider: Advance fires due timers inline, so every step below is deterministic and no
/// test sleeps. Jitter is pinned to 1.0 (NextRandom = 0.5) unless a test is about jitter.
/// </summary>
[TestFixture]
public class RetryHandlerTests
{
    private const string Url = "https://hub.test/quantum/jobs";
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);
    private FakeTimeProvider _time = null!;

    [SetUp]
    public void SetUp() => _time = new FakeTimeProvider();

    [TestCase(408)]
    [TestCase(429)]
    [TestCase(500)]
    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    public async Task Get_TransientStatus_IsRetriedThenSucceeds(int status)
    {
        var stub = Sequence((HttpStatusCode)status, HttpStatusCode.OK);
        using var invoker = Pipeline.Over(stub, Handler());

        var pending = invoker.SendAsync(HttpMethod.Get, Url);
        Assert.That(stub.Requests, Has.Count.EqualTo(1));
        _time.Advance(TimeSpan.FromMilliseconds(500));
        using var response = await pending.WaitAsync(Grace);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(stub.Requests, Has.Count.EqualTo(2));
    }

    [TestCase("GET")]
    [TestCase("HEAD")]
    [TestCase("PUT")]
    [TestCase("DELETE")]
    [TestCase("OPTIONS")]
    public async Task IdempotentMethods_AreRetried(string method)
    {
        var stub = Sequence(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        using var invoker = Pipeline.Over(stub, Handler());

        var pending = invoker.SendAsync(new HttpRequestMessage(new HttpMethod(method), Url) { Content = method == "PUT" ? new StringContent("{}") : null }, CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        using var response = await pending.WaitAsync(Grace);

        Assert.That(stub.Requests, Has.Count.EqualTo(2));
    }

    [TestCase("POST")]
    [TestCase("PATCH")]
    public async Task UnsafeMethods_AreNeverRetried_OnTransientStatus(string method)
    {
        var stub = Sequence(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        using var invoker = Pipeline.Over(stub, Handler());

        using var response = await invoker.SendAsync(new HttpRequestMessage(new HttpMethod(method), Url) { Content = new StringContent("{}") }, CancellationToken.None);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(stub.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void PostJobs_ConnectionFailure_IsNotRetried()
    {
        var stub = new StubHandler((_, _) => throw new HttpRequestException("connection reset"));
        using var invoker = Pipeline.Over(stub, Handler());

        Assert.ThrowsAsync<HttpRequestException>(() => invoker.SendAsync(new HttpRequestMessage(HttpMethod.Post, Url) { Content = new StringContent("{}") }, CancellationToken.None));
        Assert.That(stub.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Get_ConnectionFailure_IsRetried()
    {
        var calls = 0;
        var stub = new StubHandler((_, _) => ++calls == 1
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "connection refused")
            : Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)));
        using var invoker = Pipeline.Over(stub, Handler());

        var pending = invoker.SendAsync(HttpMethod.Get, Url);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        using var response = await pending.WaitAsync(Grace);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(calls, Is.EqualTo(2));
    }

    [Test]
    public void Get_TlsFailure_IsNotRetried()
    {
        var stub = new StubHandler((_, _) => throw new HttpRequestException(HttpRequestError.SecureConnectionError, "bad certificate"));
        using var invoker = Pipeline.Over(stub, Handler());

        Assert.ThrowsAsync<HttpRequestException>(() => invoker.SendAsync(HttpMethod.Get, Url));
        Assert.That(stub.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void Get_AttemptTimeout_IsRetried_AndTheLastTimeoutSurfaces()
    {
        var stub = new StubHandler((_, _) => throw new HubTimeoutException("attempt timed out"));
        using var invoker = Pipeline.Over(stub, Handler());

        var pending = invoker.SendAsync(HttpMethod.Get, Url);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        _time.Advance(TimeSpan.FromMilliseconds(1000));

        Assert.ThrowsAsync<HubTimeoutException>(() => pending.WaitAsync(Grace));
        Assert.That(stub.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Get_StillFailingAfterMaxRetries_ReturnsTheLastResponse()
    {
        var stub = new StubHandler(HttpStatusCode.BadGateway);
        using var invoker = Pipeline.Over(stub, Handler());

        var pending = invoker.SendAsync(HttpMethod.Get, Url);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        _time.Advance(TimeSpan.FromMilliseconds(1000));
        using var response = await pending.WaitAsync(Grace);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(stub.Requests, Has.Count.EqualTo(3), "1 attempt + MaxRetries (2)");
    }

    [Test]
    public async Task MaxRetriesZero_DoesNotRetry()
    {
        var stub = new StubHandler(HttpStatusCode.ServiceUnavailable);
        using var invoker = Pipeline.Over(stub, new RetryHandler(0, _time));

        using var response = await invoker.SendAsync(HttpMethod.Get, Url);

        Assert.That(stub.Requests, Has.Count.EqualTo(1));
    }

    [TestCase(400)]
    [TestCase(401)]
    [TestCase(403)]
    [TestCase(404)]
    [TestCase(409)]
    [TestCase(422)]
    [TestCase(501)]
    public async Task NonTransientStatus_IsNotRetried(int status)
    {
        var stub = new StubHandler((HttpStatusCode)status);
        using var invoker = Pipeline.Over(stub, Handler());

        using var response = await invoker.SendAsync(HttpMethod.Get, Url);

        Assert.That(stub.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Backoff_DoublesWithEachAttempt()
    {
        var stub = new StubHandler(HttpStatusCode.ServiceUnavailable);
        using var invoker = Pipeline.Over(stub, Handler());

        var pending = invoker.SendAsync(HttpMethod.Get, Url);
        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.That(stub.Requests, Has.Count.EqualTo(1), "first delay is 500 ms");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(stub.Requests, Has.Count.EqualTo(2));
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.That(stub.Requests, Has.Count.EqualTo(2), "second delay is 1000 ms");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(stub.Requests, Has.Count.EqualTo(3));
        (await pending.WaitAsync(Grace)).Dispose();
    }

    [TestCase(0.0, 400)]
    [TestCase(0.999, 600)]
    public async Task Jitter_StaysWithinTwentyPercent(double random, int expectedMilliseconds)
    {
        var stub = Sequence(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        using var invoker = Pipeline.Over(stub, new RetryHandler(2, _time) { NextRandom = () => random });

        var pending = invoker.SendAsync(HttpMethod.Get, Url);
        _time.Advance(TimeSpan.FromMilliseconds(expectedMilliseconds - 2));
        Assert.That(stub.Requests, Has.Count.EqualTo(1));
        _time.Advance(TimeSpan.FromMilliseconds(2));
        (await pending.WaitAsync(Grace)).Dispose();

        Assert.That(stub.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Backoff_IsCappedAtMaxDelay()
    {
        var stub = Sequence(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        using var invoker = Pipeline.Over(stub, new RetryHandler(2, _time) { NextRandom = () => 0.5, InitialDelay = TimeSpan.FromMinutes(5), MaxDelay = TimeSpan.FromSeconds(2) });

        var pending = invoker.SendAsync(HttpMethod.Get, Url);
        _time.Advance(TimeSpan.FromSeconds(2));
        (await pending.WaitAsync(Grace)).Dispose();

        Assert.That(stub.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task RetryAfterSeconds_IsRespected()
    {
        var stub = Sequence(RetryAfter(HttpStatusCode.TooManyRequests, "2"), new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = Pipeline.Over(stub, Handler());

        var pending = invoker.SendAsync(HttpMethod.Get, Url);
        _time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.That(stub.Requests, Has.Count.EqualTo(1), "Retry-After: 2 means at least 2 s, not the 500 ms backoff");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        using var response = await pending.WaitAsync(Grace);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(stub.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task RetryAfterHttpDate_IsRespected()
    {
        var retryAt = _time.GetUtcNow().AddSeconds(3).ToString("r");
        var stub = Sequence(RetryAfter(HttpStatusCode.ServiceUnavailable, retryAt), new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = Pipeline.Over(stub, Handler());

        var pending = invoker.SendAsync(HttpMethod.Get, Url);
        _time.Advance(TimeSpan.FromMilliseconds(2999));
        Assert.That(stub.Requests, Has.Count.EqualTo(1));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        (await pending.WaitAsync(Grace)).Dispose();

        Assert.That(stub.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task RetryAfterLongerThanMaxDelay_ReturnsTheResponseWithoutWaiting()
    {
        var stub = Sequence(RetryAfter(HttpStatusCode.TooManyRequests, "3600"), new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = Pipeline.Over(stub, Handler());

        using var response = await invoker.SendAsync(HttpMethod.Get, Url).WaitAsync(Grace);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(stub.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void CallerCancellationDuringDelay_StopsWithoutAnotherAttempt()
    {
        var stub = new StubHandler(HttpStatusCode.ServiceUnavailable);
        using var invoker = Pipeline.Over(stub, Handler());
        using var cts = new CancellationTokenSource();

        var pending = invoker.SendAsync(HttpMethod.Get, Url, cts.Token);
        cts.Cancel();

        Assert.CatchAsync<OperationCanceledException>(() => pending.WaitAsync(Grace));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.That(stub.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task StreamBody_IsNotRetried_BecauseItCannotBeSentTwice()
    {
        var stub = Sequence(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        using var invoker = Pipeline.Over(stub, Handler());

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Put, Url) { Content = new StreamContent(new MemoryStream([1, 2, 3])) }, CancellationToken.None);

        Assert.That(stub.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Retry_IsLoggedWithMethodPathDelayAndReason()
    {
        var logs = new TestLoggerFactory();
        var stub = Sequence(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        using var invoker = Pipeline.Over(stub, new RetryHandler(2, _time, logs) { NextRandom = () => 0.5 });

        var pending = invoker.SendAsync(HttpMethod.Get, Url + "?page=1");
        _time.Advance(TimeSpan.FromMilliseconds(500));
        (await pending.WaitAsync(Grace)).Dispose();

        var line = logs.Lines.Single(l => l.EventId == 5);
        Assert.That(line.Level, Is.EqualTo(LogLevel.Information));
        Assert.That(line.Message, Is.EqualTo("Retrying GET /quantum/jobs in 500 ms (attempt 2 of 3) after 503"));
    }

    [Test]
    public void IsRetryable_FollowsMethodAndBody()
    {
        Assert.That(RetryHandler.IsRetryable(new HttpRequestMessage(HttpMethod.Get, Url)), Is.True);
        Assert.That(RetryHandler.IsRetryable(new HttpRequestMessage(HttpMethod.Post, Url)), Is.False);
        Assert.That(RetryHandler.IsRetryable(new HttpRequestMessage(HttpMethod.Patch, Url)), Is.False);
        Assert.That(RetryHandler.IsRetryable(new HttpRequestMessage(HttpMethod.Put, Url) { Content = new StringContent("{}") }), Is.True);
    }

    [Test]
    public void Ctor_NegativeRetries_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryHandler(-1));

    private RetryHandler Handler() => new(RetryHandler.DefaultMaxRetries, _time) { NextRandom = () => 0.5 };

    private static StubHandler Sequence(params HttpStatusCode[] statuses) =>
        Sequence(statuses.Select(s => new HttpResponseMessage(s)).ToArray());

    private static StubHandler Sequence(params HttpResponseMessage[] responses)
    {
        var index = 0;
        return new StubHandler(_ => responses[Math.Min(index++, responses.Length - 1)]);
    }

    private static HttpResponseMessage RetryAfter(HttpStatusCode status, string value)
    {
        var response = new HttpResponseMessage(status);
        response.Headers.TryAddWithoutValidation("Retry-After", value);
        return response;
    }
}
