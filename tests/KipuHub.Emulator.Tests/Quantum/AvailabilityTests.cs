using KipuHub.Emulator.Quantum;
using KipuHub.Emulator.Tests.Support;
using KipuHub.Generated.Quantum;
using Newtonsoft.Json.Linq;

namespace KipuHub.Emulator.Tests.Quantum;

/// <summary>
/// Daily availability windows: quandela.qpu.belenos publishes 07:00:00-19:00:00 UTC and refuses jobs outside it (422);
/// every other backend publishes the whole day. The clock is the emulator's fake TimeProvider, shared by the fixture's
/// tests, so each test first moves it forward to the time of day it needs; never the wall clock.
/// </summary>
[TestFixture]
public class AvailabilityTests : EmulatorTestBase
{
    private const string Qpu = "quandela.qpu.belenos";

    [Test]
    public async Task The_photonic_qpu_publishes_its_window_and_every_other_backend_the_whole_day()
    {
        var all = await Backends.GetBackendsAsync();

        var windows = all.ToDictionary(b => b.Id!, b => b.Availability!.Single());
        Assert.That(windows[Qpu].Granularity, Is.EqualTo("daily"));
        Assert.That((windows[Qpu].Start, windows[Qpu].End), Is.EqualTo(("07:00:00", "19:00:00")));
        Assert.That(windows.Where(w => w.Key != Qpu).Select(w => (w.Value.Start, w.Value.End)), Is.All.EqualTo(("00:00:00", "23:59:59")));
    }

    [Test]
    public async Task Inside_the_window_the_job_runs()
    {
        AdvanceTo("09:00:00");
        var created = await Jobs.CreateJobAsync(PercevalOn(Qpu));
        Advance(LongEnough);

        Assert.That((await Jobs.GetJobStatusAsync(created.Id!)).Status, Is.EqualTo(JobStatus.Completed));
    }

    [TestCase("19:00:00", true, TestName = "19:00:00 (the end) is inside")]
    [TestCase("19:00:01", false, TestName = "19:00:01 is outside")]
    [TestCase("21:30:00", false, TestName = "21:30:00 is outside")]
    [TestCase("06:59:59", false, TestName = "06:59:59 is outside")]
    [TestCase("07:00:00", true, TestName = "07:00:00 (the start) is inside")]
    public async Task The_window_is_enforced_at_post_with_the_emulators_clock(string timeOfDay, bool accepted)
    {
        AdvanceTo(timeOfDay);

        if (accepted)
        {
            Assert.That((await Jobs.CreateJobAsync(PercevalOn(Qpu))).Id, Is.Not.Empty);
            return;
        }

        var error = Api.FailsWith(422, () => Jobs.CreateJobAsync(PercevalOn(Qpu)));
        Assert.That(error.Value<string>("message"), Does.Contain("07:00:00-19:00:00 UTC").And.Contain($"{timeOfDay} UTC now").And.Contain(Qpu));
    }

    [Test]
    public async Task Outside_the_window_other_backends_still_accept_jobs()
    {
        AdvanceTo("21:00:00");

        Api.FailsWith(422, () => Jobs.CreateJobAsync(PercevalOn(Qpu)));
        Assert.That((await Jobs.CreateJobAsync(PercevalOn("quandela.sim.belenos"))).Id, Is.Not.Empty);
        Assert.That((await Jobs.CreateJobAsync(Circuits.IonqBell(shots: 10))).Id, Is.Not.Empty);
    }

    [TestCase("22:00:00", "06:00:00", "23:30:00", true)]
    [TestCase("22:00:00", "06:00:00", "05:59:59", true)]
    [TestCase("22:00:00", "06:00:00", "12:00:00", false)]
    [TestCase("00:00:00", "23:59:59", "23:59:59", true)]
    [TestCase("00:00:00", "23:59:59", "23:59:59.9990", true)]
    [TestCase("07:00:00", "19:00:00", "19:00:00.5", true)]
    [TestCase("07:00:00", "19:00:00", "19:00:01", false)]
    public void A_window_whose_start_is_after_its_end_wraps_past_midnight(string start, string end, string at, bool inside)
    {
        var window = new DailyWindow(TimeSpan.Parse(start, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
        var now = new DateTimeOffset(2025, 6, 16, 0, 0, 0, TimeSpan.Zero) + TimeSpan.Parse(at, System.Globalization.CultureInfo.InvariantCulture);

        Assert.That(window.Contains(now), Is.EqualTo(inside));
        Assert.That(window.Contains(now.ToOffset(TimeSpan.FromHours(2))), Is.EqualTo(inside), "the window is in UTC whatever the offset");
    }

    /// <summary>Moves the fake clock forward (never back) to the next occurrence of a UTC time of day.</summary>
    private void AdvanceTo(string timeOfDay)
    {
        var target = TimeSpan.Parse(timeOfDay, System.Globalization.CultureInfo.InvariantCulture);
        var now = Time.GetUtcNow().UtcDateTime.TimeOfDay;
        Advance(target >= now ? target - now : target - now + TimeSpan.FromDays(1));
    }

    private static CreateJobRequest PercevalOn(string backendId) => new()
    {
        BackendId = backendId,
        Shots = 10,
        Input = backendId == Qpu
            ? new QuandelaQpuBelenosJobInput { Value = Payload() }
            : new QuandelaSimBelenosJobInput { Value = Payload() },
        InputFormat = JobInputFormat.Perceval,
    };

    private static JObject Payload() => new() { ["command"] = "sample_count", ["input_state"] = ":PCVL:BasicState:|1,0,1,0>" };
}
