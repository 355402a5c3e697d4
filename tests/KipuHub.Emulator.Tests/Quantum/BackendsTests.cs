using KipuHub.Emulator.Tests.Support;
using KipuHub.Generated.Quantum;
using Newtonsoft.Json.Linq;

namespace KipuHub.Emulator.Tests.Quantum;

[TestFixture]
public class BackendsTests : EmulatorTestBase
{
    [Test]
    public async Task The_catalog_has_several_providers_and_every_status()
    {
        var backends = await Backends.GetBackendsAsync();

        var ids = backends.Select(b => b.Id).ToList();
        Assert.That(ids, Is.SupersetOf(new[]
        {
            "azure.ionq.simulator", "aws.sim.sv1", "aws.sim.dm1", "aws.ionq.aria", "aws.ionq.forte", "aws.iqm.garnet", "aws.rigetti.ankaa", "ibm.qpu.aachen", "iqm.qpu.emerald",
        }));
        Assert.That(backends.Select(b => b.Provider!.Value).Distinct(), Is.SupersetOf(new[] { BackendProvider.Azure, BackendProvider.Aws, BackendProvider.Ibm, BackendProvider.Iqm }));
        Assert.That(backends.Select(b => b.Status!.Value), Is.SupersetOf(new[] { BackendStatus.Online, BackendStatus.Paused, BackendStatus.Offline, BackendStatus.Retired }));
        Assert.That(backends.Select(b => b.Type!.Value).Distinct(), Is.SupersetOf(new[] { BackendType.Qpu, BackendType.Simulator }));
        Assert.That(backends.All(b => b.Status!.Value.IsKnown && b.Configuration!.ShotsRange!.Max > 0), Is.True);
    }

    [Test]
    public async Task Backends_filter_by_provider_and_hub_sdk_usability()
    {
        var aws = await Backends.GetBackendsAsync(BackendProvider.Aws);
        var usable = await Backends.GetBackendsAsync(onlyPlanqkSdk: true);
        var all = await Backends.GetBackendsAsync();

        Assert.That(aws, Is.Not.Empty);
        Assert.That(aws.All(b => b.Provider == BackendProvider.Aws), Is.True);
        Assert.That(usable.Count, Is.LessThan(all.Count));
        Assert.That(usable.Select(b => b.Id), Does.Not.Contain("quandela.qpu.belenos"));
    }

    [Test]
    public async Task A_backend_has_configuration_status_and_config()
    {
        var sv1 = await Backends.GetBackendAsync("aws.sim.sv1");
        var status = await Backends.GetBackendStatusAsync("aws.ionq.forte");
        var config = (JObject)await Backends.GetBackendConfigAsync("aws.iqm.garnet");

        Assert.That(sv1.Configuration!.QubitCount, Is.EqualTo(34));
        Assert.That(sv1.Configuration.ShotsRange!.Min, Is.EqualTo(1));
        Assert.That(sv1.Configuration.ShotsRange.Max, Is.EqualTo(100_000));
        Assert.That(sv1.Configuration.SupportedInputFormats, Does.Contain(JobInputFormat.BraketOpenQasmV3));
        Assert.That(sv1.UpdatedAt, Does.Match(@"^\d{4}-\d{2}-\d{2}$"));
        Assert.That(status.Status, Is.EqualTo(BackendStatus.Paused));
        Assert.That(status.QueueSize, Is.GreaterThan(0));
        Assert.That(config.Value<int>("qubit_count"), Is.EqualTo(20));
        Assert.That(config["connectivity"]!["graph"]!["0"], Is.Not.Null);
    }

    [Test]
    public async Task Calibration_is_daily_and_can_be_read_as_of_a_past_instant()
    {
        var now = await Backends.GetBackendCalibrationAsync("aws.iqm.garnet");
        var past = await Backends.GetBackendCalibrationAsync("aws.iqm.garnet", new DateTimeOffset(2025, 1, 10, 12, 0, 0, TimeSpan.Zero));
        var again = await Backends.GetBackendCalibrationAsync("aws.iqm.garnet", new DateTimeOffset(2025, 1, 10, 3, 0, 0, TimeSpan.Zero));

        Assert.That(now.BackendId, Is.EqualTo("aws.iqm.garnet"));
        Assert.That(now.CalibratedAt, Is.EqualTo(new DateTimeOffset(2025, 6, 16, 2, 0, 0, TimeSpan.Zero)));
        Assert.That(past.CalibratedAt, Is.EqualTo(new DateTimeOffset(2025, 1, 10, 2, 0, 0, TimeSpan.Zero)));
        Assert.That(JToken.DeepEquals((JToken)past.Calibration!, (JToken)again.Calibration!), Is.True, "the same day gives the same calibration");
        Assert.That(((JObject)now.Calibration!)["qubits"]!.Count(), Is.EqualTo(20));
    }

    [Test]
    public void Unknown_backends_and_missing_calibrations_are_404_and_bad_instants_400()
    {
        Api.FailsWith(404, () => Backends.GetBackendAsync("aws.sim.nope"));
        Api.FailsWith(404, () => Backends.GetBackendStatusAsync("aws.sim.nope"));
        Api.FailsWith(404, () => Backends.GetBackendConfigAsync("aws.sim.nope"));
        var simulator = Api.FailsWith(404, () => Backends.GetBackendCalibrationAsync("aws.sim.sv1"));
        Api.FailsWith(404, () => Backends.GetBackendCalibrationAsync("aws.iqm.garnet", new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.That(simulator.Value<string>("message"), Does.Contain("has no calibration"));
    }
}
