using KipuHub.Internal;
using KipuHub.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KipuHub.Tests.Errors;

[TestFixture]
public class TimeoutMappingTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    [Test]
    public void Facade_NoResponseWithinTimeout_ThrowsHubTimeoutException()
    {
        var time = new FakeTimeProvider();
        using var client = Hub.Quantum(StubHandler.Hanging(), o => { o.TimeProvider = time; o.Timeout = TimeSpan.FromSeconds(10); o.MaxRetries = 0; });

        var pending = client.Jobs.GetJobAsync("j1");
        time.Advance(TimeSpan.FromSeconds(10));

        var ex = Assert.ThrowsAsync<HubTimeoutException>(() => pending.WaitAsync(Grace));
        Assert.That(ex!.Operation, Is.EqualTo("GET /quantum/jobs/j1"));
        Assert.That(ex.Timeout, Is.EqualTo(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void Facade_DefaultTimeoutIsSixtySeconds()
    {
        var time = new FakeTimeProvider();
        using var client = Hub.Quantum(StubHandler.Hanging(), o => { o.TimeProvider = time; o.MaxRetries = 0; });

        var pending = client.Backends.GetBackendsAsync();
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.That(pending.IsCompleted, Is.False);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.ThrowsAsync<HubTimeoutException>(() => pending.WaitAsync(Grace));
    }

    [Test]
    public void Facade_TimedOutGet_IsRetriedBeforeGivingUp()
    {
        var time = new FakeTimeProvider();
        var stub = StubHandler.Hanging();
        using var client = Hub.Quantum(stub, o => { o.TimeProvider = time; o.Timeout = TimeSpan.FromSeconds(10); });

        var pending = client.Jobs.GetJobStatusAsync("j1");
        for (var i = 0; i < 60 && !pending.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.ThrowsAsync<HubTimeoutException>(() => pending.WaitAsync(Grace));
        Assert.That(stub.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public void Facade_TimedOutPostJobs_IsNotRetried()
    {
        var time = new FakeTimeProvider();
        var stub = StubHandler.Hanging();
        using var client = Hub.Quantum(stub, o => { o.TimeProvider = time; o.Timeout = TimeSpan.FromSeconds(10); });

        var pending = client.Jobs.CreateJobAsync(new KipuHub.Generated.Quantum.CreateJobRequest { BackendId = "aws.sim.sv1", Shots = 10, Input = new KipuHub.Generated.Quantum.AwsSimSv1JobInput { Value = "OPENQASM 3;" } });
        for (var i = 0; i < 60 && !pending.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.ThrowsAsync<HubTimeoutException>(() => pending.WaitAsync(Grace));
        Assert.That(stub.Requests, Has.Count.EqualTo(1), "a POST that timed out may have created the job; it must not be sent again");
    }

    [Test]
    public void Facade_CallerCancellation_IsOperationCanceledNotTimeout()
    {
        using var client = Hub.Quantum(StubHandler.Hanging(), o => o.TimeProvider = new FakeTimeProvider());
        using var cts = new CancellationTokenSource();

        var pending = client.Jobs.GetJobAsync("j1", cancellationToken: cts.Token);
        cts.Cancel();

        var ex = Assert.CatchAsync<OperationCanceledException>(() => pending.WaitAsync(Grace));
        Assert.That(ex, Is.Not.InstanceOf<HubTimeoutException>());
    }

    [Test]
    public void Mapper_HttpClientTimeout_BecomesHubTimeoutException()
    {
        var mapper = new HubErrorMapper(HubApiKind.Quantum, new TokenRedactor());
        var httpClientTimeout = new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 1 seconds elapsing.", new TimeoutException());

        var mapped = mapper.TryMap(httpClientTimeout, "Jobs.GetJobAsync", CancellationToken.None, out var result);

        Assert.That(mapped, Is.True);
        Assert.That(result, Is.InstanceOf<HubTimeoutException>());
        Assert.That(((HubTimeoutException)result).Operation, Is.EqualTo("Jobs.GetJobAsync"));
        Assert.That(result.Message, Does.Contain("HttpClient's Timeout"));
    }

    [Test]
    public void Mapper_CancelledByCaller_IsLeftAlone()
    {
        var mapper = new HubErrorMapper(HubApiKind.Quantum, new TokenRedactor());
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var cancelled = new TaskCanceledException("cancelled", new TimeoutException());

        Assert.That(mapper.TryMap(cancelled, "Jobs.GetJobAsync", cts.Token, out var result), Is.False);
        Assert.That(result, Is.SameAs(cancelled));
    }

    [Test]
    public void Facade_InjectedHttpClientTimeout_BecomesHubTimeoutException()
    {
        // What HttpClient throws when its own Timeout passes, without waiting for one.
        var timingOut = new StubHandler((_, _) => throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.", new TimeoutException()));
        using var injected = new HttpClient(timingOut);
        using var client = Hub.Quantum(new StubHandler(), o => { o.HttpMessageHandler = null; o.HttpClient = injected; o.MaxRetries = 0; });

        var ex = Assert.ThrowsAsync<HubTimeoutException>(() => client.Jobs.GetJobAsync("j1"));

        Assert.That(ex!.Message, Does.Contain("Jobs.GetJobAsync"));
    }
}
