using KipuHub.Generated.Quantum;
using KipuHub.Generated.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KipuHub.Generated.Tests.Quantum;

[TestFixture]
public class BackendsClientTests : GeneratedClientTestBase
{
    protected override string BaseAddress => MockHub.QuantumBase;

    private BackendsClient Client => new(Hub.Http);

    [Test]
    public async Task GetBackends_sends_filters_as_query_and_maps_the_catalog()
    {
        Expect(HttpMethod.Get, "backends", "provider=AWS&onlyPlanqkSdk=true").Respond(_ => Json("""
            [{"id":"aws.sim.sv1","internal_id":"i-1","provider":"AWS","hardware_provider":"AWS","name":"sv1","display_name":"SV1",
              "type":"SIMULATOR","technology":"UNKNOWN","status":"ONLINE","queue_size":3,"updated_at":"2026-11-01","access_type":"PAY_PER_USE",
              "documentation":{"description":"State vector","url":"https://docs","status_url":"https://status","location":"us-east-1","sdks":["QISKIT"]},
              "configuration":{"gates":[{"name":"h","native_gate":true}],"qubit_count":34,"shots_range":{"min":1,"max":100000},
                 "supported_input_formats":["OPEN_QASM_V3"],"memory_result_supported":false,"instructions":["h","cnot"],
                 "connectivity":{"fully_connected":false,"graph":{"0":["1"],"1":["0"]}},"qubits":[{"id":"0"},{"id":"1"}]},
              "availability":[{"granularity":"daily","start":"00:00:00","end":"23:59:59"}],
              "costs":[{"granularity":"shot","currency":"USD","value":0.00075}],"has_calibration":false,"free_of_charge":false}]
            """));

        var backends = await Client.GetBackendsAsync(BackendProvider.Aws, onlyPlanqkSdk: true);

        AssertAccepts("application/json");
        var b = backends.Single();
        Assert.Multiple(() =>
        {
            Assert.That(b.Id, Is.EqualTo("aws.sim.sv1"));
            Assert.That(b.InternalId, Is.EqualTo("i-1"));
            Assert.That(b.Provider, Is.EqualTo(BackendProvider.Aws));
            Assert.That(b.HardwareProvider, Is.EqualTo(BackendHardwareProvider.Aws));
            Assert.That(b.DisplayName, Is.EqualTo("SV1"));
            Assert.That(b.Type, Is.EqualTo(BackendType.Simulator));
            Assert.That(b.Status, Is.EqualTo(BackendStatus.Online));
            Assert.That(b.QueueSize, Is.EqualTo(3));
            Assert.That(b.UpdatedAt, Is.EqualTo("2026-11-01"));
            Assert.That(b.AccessType, Is.EqualTo(BackendAccessType.PayPerUse));
            Assert.That(b.Documentation!.StatusUrl, Is.EqualTo("https://status"));
            Assert.That(b.Documentation.Sdks!.Single(), Is.EqualTo(DocumentationSdk.Qiskit));
            Assert.That(b.Configuration!.QubitCount, Is.EqualTo(34));
            Assert.That(b.Configuration.ShotsRange!.Max, Is.EqualTo(100000));
            Assert.That(b.Configuration.Gates!.Single().NativeGate, Is.True);
            Assert.That(b.Configuration.Connectivity!.Graph!["0"], Is.EqualTo(new[] { "1" }));
            Assert.That(b.Configuration.Qubits!.Select(q => q.Id), Is.EqualTo(new[] { "0", "1" }));
            Assert.That(b.Availability!.Single().End, Is.EqualTo("23:59:59"));
            Assert.That(b.Costs!.Single().Value, Is.EqualTo(0.00075));
            Assert.That(b.HasCalibration, Is.False);
            Assert.That(b.FreeOfCharge, Is.False);
        });
    }

    [Test]
    public async Task GetBackends_without_filters_sends_no_query()
    {
        Expect(HttpMethod.Get, "backends").Respond(_ => Json("[]"));
        Assert.That(await Client.GetBackendsAsync(), Is.Empty);
    }

    [Test]
    public async Task GetBackend_escapes_the_id_into_the_path()
    {
        Expect(HttpMethod.Get, "backends/aws.ionq.aria-2").Respond(_ => Json("""{"id":"aws.ionq.aria-2","technology":"TRAPPED_ION"}"""));
        var backend = await Client.GetBackendAsync("aws.ionq.aria-2");
        Assert.That(backend.Technology, Is.EqualTo(BackendTechnology.TrappedIon));
    }

    [Test]
    public async Task GetBackendStatus_maps_state_info()
    {
        Expect(HttpMethod.Get, "backends/b1/status").Respond(_ => Json("""{"status":"PAUSED","queue_avg_time":120,"queue_size":7,"provider_token_valid":true}"""));
        var state = await Client.GetBackendStatusAsync("b1");
        Assert.That(state.Status, Is.EqualTo(BackendStatus.Paused));
        Assert.That(state.QueueAvgTime, Is.EqualTo(120));
        Assert.That(state.QueueSize, Is.EqualTo(7));
        Assert.That(state.ProviderTokenValid, Is.True);
    }

    [Test]
    public async Task GetBackendConfig_returns_the_raw_json_object()
    {
        Expect(HttpMethod.Get, "backends/b1/config").Respond(_ => Json("""{"qubits":[{"name":"QB1"}],"calibration_set_id":"abc"}"""));
        var config = await Client.GetBackendConfigAsync("b1");
        var json = JObject.FromObject(config);
        Assert.That((string?)json["calibration_set_id"], Is.EqualTo("abc"));
        Assert.That((string?)json["qubits"]![0]!["name"], Is.EqualTo("QB1"));
    }

    [Test]
    public async Task GetBackendCalibration_sends_effectiveAt_as_ISO_8601_with_offset()
    {
        Expect(HttpMethod.Get, "backends/b1/calibration", "effectiveAt=2026-01-02T03:04:05.0000000%2B00:00")
            .Respond(_ => Json("""{"backend_id":"b1","calibrated_at":"2026-01-02T00:00:00Z","calibration":{"t1":[1.5,2.5]}}"""));
        var calibration = await Client.GetBackendCalibrationAsync("b1", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        Assert.That(calibration.BackendId, Is.EqualTo("b1"));
        Assert.That(calibration.CalibratedAt, Is.EqualTo(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero)));
        Assert.That(((JToken)calibration.Calibration!)["t1"]!.Values<double>(), Is.EqualTo(new[] { 1.5, 2.5 }));
    }
}
