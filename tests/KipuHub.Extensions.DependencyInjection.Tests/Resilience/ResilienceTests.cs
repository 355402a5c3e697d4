using System.Diagnostics.Metrics;
using KipuHub.Emulator;
using KipuHub.Emulator.Faults;
using KipuHub.Generated.Quantum;
using Microsoft.Extensions.Time.Testing;

namespace KipuHub.Extensions.DependencyInjection.Tests.Resilience;

/// <summary>Fault injection against the emulator through the standard resilience pipeline.</summary>
[TestFixture]
public class ResilienceTests : FreshEmulatorFixture
{
    [Test]
    public async Task Get_Succeeds_AfterTwo503s()
    {
        await using var provider = Provider();
        var client = provider.GetRequiredService<IHubQuantumClient>();
        Hub.Faults.Add(FaultRule.ServerError("GET", "/quantum/backends", 503, times: 2));

        var backends = await client.Backends.GetBackendsAsync();

        Assert.That(backends, Is.Not.Empty);
        Assert.That(Hub.Requests.CountOf("GET", "/quantum/backends"), Is.EqualTo(3));
    }

    [Test]
    public async Task Retries_HappenOnce_NotInTwoLayers()
    {
        await using var provider = Provider();
        var client = provider.GetRequiredService<IHubQuantumClient>();
        Hub.Faults.Add(FaultRule.ServerError("GET", "/quantum/backends", 503));

        var ex = Assert.ThrowsAsync<HubApiException>(() => client.Backends.GetBackendsAsync());

        Assert.That(ex!.StatusCode, Is.EqualTo(503));
        Assert.That(Hub.Requests.CountOf("GET", "/quantum/backends"), Is.EqualTo(3), "MaxRetries 2: three attempts in all");
    }

    [Test]
    public async Task TooManyRequests_WithRetryAfter2s_WaitsTwoSecondsOfFakeTime()
    {
        var fake = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var time = new TimerRecordingTimeProvider(fake);
        var logs = new CapturingLoggerProvider();
        await using var provider = Provider(logs, time);
        var client = provider.GetRequiredService<IHubQuantumClient>();
        Hub.Faults.Add(FaultRule.TooManyRequests("GET", "/quantum/backends", TimeSpan.FromSeconds(2), times: 1));

        var call = client.Backends.GetBackendsAsync();
        var retryDelay = await time.FirstTimerDue(TimeSpan.FromSeconds(2)).WaitAsync(TimeSpan.FromSeconds(10));
        fake.Advance(TimeSpan.FromMilliseconds(1900));

        Assert.That(retryDelay.Fired, Is.False, "1.9 s of fake time is not enough");
        Assert.That(call.IsCompleted, Is.False);
        Assert.That(Hub.Requests.CountOf("GET", "/quantum/backends"), Is.EqualTo(1));

        fake.Advance(TimeSpan.FromMilliseconds(150));
        Assert.That(retryDelay.Fired, Is.True, "the retry is due at 2 s");
        var backends = await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(backends, Is.Not.Empty);
        Assert.That(Hub.Requests.CountOf("GET", "/quantum/backends"), Is.EqualTo(2));
        Assert.That(logs.AllText, Does.Contain("Retrying GET /quantum/backends in 2000 ms (attempt 2 of 3) after 429"));
    }

    [Test]
    public async Task JobPost_ThatTimesOutAfterTheServerAcceptedIt_IsNotSentAgain()
    {
        await using var provider = Provider(configure: o => o.Timeout = TimeSpan.FromMilliseconds(300));
        var client = provider.GetRequiredService<IHubQuantumClient>();
        Hub.Faults.Add(FaultRule.LatencyAfterHandling("POST", "/quantum/jobs", TimeSpan.FromSeconds(2), times: 1));

        var ex = Assert.ThrowsAsync<HubTimeoutException>(() => client.Jobs.CreateJobAsync(TestJobs.BellJob()));

        Assert.That(ex!.Message, Does.Contain("POST /quantum/jobs got no response within 0.3 s"));
        Assert.That(Hub.Requests.CountOf("POST", "/quantum/jobs"), Is.EqualTo(1), "the job was created once; a retry would create a second one");
        var jobs = await client.Jobs.SearchJobsAsync();
        Assert.That(jobs.Content, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task JobPost_With503_IsNotRetried()
    {
        await using var provider = Provider();
        var client = provider.GetRequiredService<IHubQuantumClient>();
        Hub.Faults.Add(FaultRule.ServerError("POST", "/quantum/jobs", 503, times: 1));

        Assert.ThrowsAsync<HubApiException>(() => client.Jobs.CreateJobAsync(TestJobs.BellJob()));

        Assert.That(Hub.Requests.CountOf("POST", "/quantum/jobs"), Is.EqualTo(1));
    }

    [Test]
    public async Task ConnectionReset_OnAGet_IsRetried_AndCounted()
    {
        var retries = 0L;
        using var meter = new MeterListener();
        meter.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "KipuHub" && instrument.Name == "kipuhub.http.retries")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meter.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref retries, value));
        meter.Start();
        await using var provider = Provider();
        var client = provider.GetRequiredService<IHubQuantumClient>();
        Hub.Faults.Add(FaultRule.ResetConnection("GET", "/quantum/backends", times: 1));

        var backends = await client.Backends.GetBackendsAsync();

        Assert.That(backends, Is.Not.Empty);
        Assert.That(Interlocked.Read(ref retries), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task MaxRetriesZero_DisablesRetries()
    {
        await using var provider = Provider(configure: o => o.MaxRetries = 0);
        var client = provider.GetRequiredService<IHubQuantumClient>();
        Hub.Faults.Add(FaultRule.ServerError("GET", "/quantum/backends", 503, times: 1));

        Assert.ThrowsAsync<HubApiException>(() => client.Backends.GetBackendsAsync());

        Assert.That(Hub.Requests.CountOf("GET", "/quantum/backends"), Is.EqualTo(1));
    }

    private ServiceProvider Provider(CapturingLoggerProvider? logs = null, TimeProvider? time = null, Action<KipuHubOptions>? configure = null)
    {
        var services = Emulators.Services(logs);
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddKipuHub(Emulators.Configure(Hub, configure));
        return services.BuildServiceProvider();
    }

    /// <summary>A clock that reports each timer created on it (its due time, and whether it fired), over a fake clock.</summary>
    private sealed class TimerRecordingTimeProvider(FakeTimeProvider inner) : TimeProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<TimeSpan, TaskCompletionSource<RecordedTimer>> _firstByDue = new();

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

        public override long GetTimestamp() => inner.GetTimestamp();

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

        /// <summary>Completes when the first timer with this due time is created.</summary>
        public Task<RecordedTimer> FirstTimerDue(TimeSpan due) => Slot(due).Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var recorded = new RecordedTimer();
            var timer = inner.CreateTimer(s =>
            {
                recorded.Fired = true;
                callback(s);
            }, state, dueTime, period);
            Slot(dueTime).TrySetResult(recorded);
            return timer;
        }

        private TaskCompletionSource<RecordedTimer> Slot(TimeSpan due) =>
            _firstByDue.GetOrAdd(due, _ => new TaskCompletionSource<RecordedTimer>(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    private sealed class RecordedTimer
    {
        private volatile bool _fired;

        public bool Fired
        {
            get => _fired;
            set => _fired = value;
        }
    }
}
