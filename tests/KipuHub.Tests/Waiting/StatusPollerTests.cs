using KipuHub.Generated.Quantum;
using KipuHub.Tests.Support;
using KipuHub.Waiting;

namespace KipuHub.Tests.Waiting;

/// <summary>The polling loop on a jumping virtual clock: whole schedules (up to an hour) run instantly and exactly.</summary>
[TestFixture]
public class StatusPollerTests
{
    private VirtualTimeProvider _clock = null!;
    private List<TimeSpan> _pollTimes = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new VirtualTimeProvider();
        _pollTimes = [];
    }

    /// <summary>A job that runs until <paramref name="finishesAt"/>; <paramref name="failPoll"/> can make the n-th poll throw.</summary>
    private StatusPoller<JobStatus> JobFinishingAt(TimeSpan finishesAt, WaitOptions? options = null, Func<int, Exception?>? failPoll = null, Func<double>? random = null) =>
        new("job 'j1'", _ =>
        {
            _pollTimes.Add(_clock.Elapsed);
            if (failPoll?.Invoke(_pollTimes.Count) is { } ex) throw ex;
            var status = _clock.Elapsed >= finishesAt ? JobStatus.Completed : (_clock.Elapsed < TimeSpan.FromSeconds(0.5) ? JobStatus.Pending : JobStatus.Running);
            return Task.FromResult(new StatusSnapshot<JobStatus>(status));
        }, s => s.IsTerminal(), options, _clock, random ?? (() => 0.0));

    [Test]
    public async Task Polls_at_once_then_every_second_then_ten_percent_of_the_wait()
    {
        var status = await JobFinishingAt(TimeSpan.FromSeconds(60)).WaitAsync(null, CancellationToken.None);

        Assert.That(status, Is.EqualTo(JobStatus.Completed));
        Assert.That(_pollTimes[0], Is.EqualTo(TimeSpan.Zero), "first poll is immediate");
        Assert.That(_pollTimes[1], Is.EqualTo(TimeSpan.FromSeconds(1)), "first delay is MinInterval");
        var gaps = _pollTimes.Zip(_pollTimes.Skip(1), (a, b) => b - a).ToList();
        Assert.That(gaps, Is.Ordered, "intervals never shrink without jitter");
        Assert.That(gaps.Take(10), Is.All.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(gaps[11].TotalSeconds, Is.EqualTo(_pollTimes[11].TotalSeconds * 0.1).Within(1e-6), "then 10 % of the time waited");
        Assert.That(_pollTimes[^1] - TimeSpan.FromSeconds(60), Is.LessThanOrEqualTo(TimeSpan.FromSeconds(6)), "noticed within 10 % of the run time");
    }

    [TestCase(1)]
    [TestCase(10)]
    [TestCase(60)]
    [TestCase(600)]
    [TestCase(3600)]
    public async Task Detection_delay_meets_the_target_with_far_fewer_polls_than_a_two_second_loop(int seconds)
    {
        var duration = TimeSpan.FromSeconds(seconds);
        await JobFinishingAt(duration, random: new Random(42).NextDouble).WaitAsync(null, CancellationToken.None);

        var detectionDelay = _pollTimes[^1] - duration;
        var bound = TimeSpan.FromTicks(Math.Min(Math.Max(TimeSpan.FromSeconds(1).Ticks, duration.Ticks / 10), TimeSpan.FromSeconds(30).Ticks));
        Assert.That(detectionDelay, Is.LessThanOrEqualTo(bound));
        if (seconds == 3600) Assert.That(_pollTimes.Count, Is.LessThanOrEqualTo(3600 / 2 / 10), "at least 10x fewer than the 2 s loop's 1,800");
    }

    [Test]
    public async Task The_interval_never_exceeds_the_cap()
    {
        await JobFinishingAt(TimeSpan.FromHours(1)).WaitAsync(null, CancellationToken.None);
        var gaps = _pollTimes.Zip(_pollTimes.Skip(1), (a, b) => b - a);
        Assert.That(gaps.Max(), Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task Retry_after_on_a_throttled_poll_sets_the_next_pause()
    {
        var throttled = new HubApiException("slow down", 429, new Dictionary<string, IEnumerable<string>> { ["Retry-After"] = ["7"] });
        Assume.That(throttled.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));

        await JobFinishingAt(TimeSpan.FromSeconds(20), failPoll: n => n == 2 ? throttled : null).WaitAsync(null, CancellationToken.None);

        Assert.That(_pollTimes[2] - _pollTimes[1], Is.EqualTo(TimeSpan.FromSeconds(7)));
    }

    [Test]
    public void Timeout_throws_HubTimeoutException_with_the_last_status_at_exactly_the_deadline()
    {
        var options = new WaitOptions { Timeout = TimeSpan.FromSeconds(45) };

        var ex = Assert.ThrowsAsync<HubTimeoutException>(() => JobFinishingAt(TimeSpan.FromHours(1), options).WaitAsync(null, CancellationToken.None));

        Assert.That(ex!.LastStatus, Is.EqualTo("RUNNING"));
        Assert.That(ex.Timeout, Is.EqualTo(TimeSpan.FromSeconds(45)));
        Assert.That(ex.Message, Does.Contain("job 'j1'").And.Contain("still running"));
        Assert.That(_clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(45)), "gives up at the deadline, not a whole interval later");
    }

    [Test]
    public void Cancellation_stops_the_wait_and_says_the_job_was_not_cancelled()
    {
        using var cts = new CancellationTokenSource();
        var poller = JobFinishingAt(TimeSpan.FromHours(1), failPoll: n =>
        {
            if (n == 3) cts.Cancel();
            return null;
        });

        var ex = Assert.CatchAsync<OperationCanceledException>(() => poller.WaitAsync(null, cts.Token));

        Assert.That(ex!.Message, Does.Contain("Only the wait was cancelled"));
        Assert.That(ex.CancellationToken, Is.EqualTo(cts.Token));
        Assert.That(_pollTimes, Has.Count.EqualTo(3));
    }

    [Test]
    public void A_non_transient_error_ends_the_wait_at_once()
    {
        var missing = new NotFoundException("no such job");
        Assert.ThrowsAsync<NotFoundException>(() => JobFinishingAt(TimeSpan.FromSeconds(5), failPoll: _ => missing).WaitAsync(null, CancellationToken.None));
        Assert.That(_pollTimes, Has.Count.EqualTo(1));
    }

    [Test]
    public void Persistent_transient_errors_end_the_wait_after_five_tries()
    {
        var unavailable = new HubApiException("unavailable", 503);
        Assert.ThrowsAsync<HubApiException>(() => JobFinishingAt(TimeSpan.FromHours(1), failPoll: _ => unavailable).WaitAsync(null, CancellationToken.None));
        Assert.That(_pollTimes, Has.Count.EqualTo(5));
    }

    [Test]
    public async Task Progress_and_watch_report_each_change_once()
    {
        var reported = new List<JobStatus>();
        await JobFinishingAt(TimeSpan.FromSeconds(5)).WaitAsync(new SyncProgress<JobStatus>(reported.Add), CancellationToken.None);
        Assert.That(reported, Is.EqualTo(new[] { JobStatus.Pending, JobStatus.Running, JobStatus.Completed }));

        _pollTimes.Clear();
        var watched = new List<JobStatus>();
        await foreach (var s in JobFinishingAt(_clock.Elapsed + TimeSpan.FromSeconds(5)).WatchAsync(CancellationToken.None)) watched.Add(s);
        Assert.That(watched, Is.EqualTo(new[] { JobStatus.Running, JobStatus.Completed }));
    }
}
