using KipuHub.Waiting;

namespace KipuHub.Tests.Waiting;

[TestFixture]
public class PollingScheduleTests
{
    private static PollingSchedule NoJitter(WaitOptions? options = null) => new(options, () => 0.0);

    [Test]
    public void First_delay_is_the_minimum_interval()
    {
        Assert.That(NoJitter().NextDelay(TimeSpan.Zero), Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void Delay_grows_with_ten_percent_of_the_time_waited()
    {
        var schedule = NoJitter();
        Assert.That(schedule.NextDelay(TimeSpan.FromSeconds(5)), Is.EqualTo(TimeSpan.FromSeconds(1)), "below the floor");
        Assert.That(schedule.NextDelay(TimeSpan.FromSeconds(60)), Is.EqualTo(TimeSpan.FromSeconds(6)));
        Assert.That(schedule.NextDelay(TimeSpan.FromSeconds(200)), Is.EqualTo(TimeSpan.FromSeconds(20)));
    }

    [Test]
    public void Delay_is_capped_at_the_maximum_interval()
    {
        Assert.That(NoJitter().NextDelay(TimeSpan.FromHours(5)), Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(NoJitter(new WaitOptions { MaxInterval = TimeSpan.FromSeconds(5) }).NextDelay(TimeSpan.FromMinutes(10)), Is.EqualTo(TimeSpan.FromSeconds(5)));
    }

    [TestCase(0.0, 1.0)]
    [TestCase(0.5, 0.95)]
    [TestCase(0.999999, 0.9000001)]
    public void Jitter_only_shortens_within_the_configured_fraction(double random, double expectedFactor)
    {
        var delay = new PollingSchedule(null, () => random).NextDelay(TimeSpan.FromSeconds(100));
        Assert.That(delay.TotalSeconds, Is.EqualTo(10 * expectedFactor).Within(1e-4));
        Assert.That(delay, Is.LessThanOrEqualTo(TimeSpan.FromSeconds(10)).And.GreaterThanOrEqualTo(TimeSpan.FromSeconds(9)));
    }

    [Test]
    public void Retry_after_takes_precedence_over_the_schedule()
    {
        var schedule = NoJitter();
        Assert.That(schedule.NextDelay(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(7)), Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That(schedule.NextDelay(TimeSpan.FromHours(1), TimeSpan.FromSeconds(2)), Is.EqualTo(TimeSpan.FromSeconds(2)), "also shorter than the cap");
    }

    [Test]
    public void Retry_after_is_capped_and_can_be_ignored()
    {
        Assert.That(NoJitter().NextDelay(TimeSpan.Zero, TimeSpan.FromHours(3)), Is.EqualTo(TimeSpan.FromMinutes(5)));
        Assert.That(NoJitter(new WaitOptions { RespectRetryAfter = false }).NextDelay(TimeSpan.Zero, TimeSpan.FromSeconds(7)), Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void Nonsense_options_are_refused_with_the_setting_named()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new PollingSchedule(new WaitOptions { MinInterval = TimeSpan.FromSeconds(10), MaxInterval = TimeSpan.FromSeconds(1) }));
        Assert.That(ex!.ParamName, Is.EqualTo("MaxInterval"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PollingSchedule(new WaitOptions { Jitter = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PollingSchedule(new WaitOptions { Timeout = TimeSpan.Zero }));
    }
}
