using KipuHub.Emulator.Faults;
using KipuHub.Emulator.Tool;

namespace KipuHub.Extensions.DependencyInjection.Tests.EmulatorTool;

/// <summary><c>kipuhub-emulator</c>'s job-duration and fault options, as the Aspire resource passes them.</summary>
[TestFixture]
public class ToolArgumentsTests
{
    [Test]
    public void JobDurations_AreTheEmulatorsJobPhases_AndDefaultsStayOtherwise()
    {
        var options = ToolArguments.Parse(["--job-pending-ms", "2000", "--job-running-ms", "0", "--seed", "4"]).ToEmulatorOptions();
        var defaults = ToolArguments.Parse([]).ToEmulatorOptions();

        Assert.That(options.JobPendingDuration, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(options.JobRunningDuration, Is.EqualTo(TimeSpan.Zero));
        Assert.That(options.Seed, Is.EqualTo(4));
        Assert.That(defaults.JobPendingDuration, Is.EqualTo(new Emulator.KipuHubEmulatorOptions().JobPendingDuration));
        Assert.That(defaults.Faults, Is.Empty);
    }

    [Test]
    public void FaultRules_ParseKindMethodPathAndSettings_InOrder()
    {
        var faults = ToolArguments.Parse(["--fault", "ServerError POST /quantum/jobs times=2 status=502", "--fault", "latency * /gateway/** delay-ms=250 skip=1 probability=0.5", "--fault", "TooManyRequests GET /quantum/backends"]).Faults;

        Assert.That(faults, Has.Count.EqualTo(3));
        Assert.That((faults[0].Kind, faults[0].Method, faults[0].PathPattern, faults[0].Times, faults[0].StatusCode), Is.EqualTo((FaultKind.ServerError, "POST", "/quantum/jobs", (int?)2, 502)));
        Assert.That((faults[1].Kind, faults[1].Method, faults[1].Delay, faults[1].SkipFirst, faults[1].Probability), Is.EqualTo((FaultKind.Latency, (string?)null, TimeSpan.FromMilliseconds(250), 1, 0.5)));
        Assert.That(faults[2].RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(1)), "429 always sends Retry-After");
    }

    [TestCase("Explode POST /quantum/jobs", "KIND is one of")]
    [TestCase("ServerError POST", "expected KIND METHOD PATH")]
    [TestCase("ServerError POST quantum/jobs", "must be absolute")]
    [TestCase("ServerError POST /quantum/jobs status=404", "5xx")]
    [TestCase("ServerError POST /quantum/jobs times=two", "'times=two' needs a number")]
    [TestCase("ServerError POST /quantum/jobs colour=red", "unknown setting 'colour'")]
    [TestCase("ServerError POST /quantum/jobs times", "'times' is not a key=value")]
    public void ABadFaultRule_IsAUsageErrorNamingTheRule(string rule, string reason)
    {
        var error = Assert.Catch<ArgumentException>(() => ToolArguments.Parse(["--fault", rule]));

        Assert.That(error!.Message, Does.StartWith($"--fault '{rule}':").And.Contain(reason));
    }

    [Test]
    public void ANegativeDuration_IsAUsageError()
    {
        var error = Assert.Catch<ArgumentException>(() => ToolArguments.Parse(["--job-running-ms", "-5"]));

        Assert.That(error!.Message, Does.StartWith("'--job-running-ms' needs a number of milliseconds"));
    }
}
