using System.Net;
using KipuHub.Generated.Quantum;
using KipuHub.Generated.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace KipuHub.Generated.Tests.Quantum;

/// <summary>
/// The Hub keeps adding enum values and fields; a client built today must read tomorrow's responses.
/// These go through the generated clients end to end (HTTP response -> model), not just the serializer.
/// </summary>
[TestFixture]
public class ForwardCompatibilityTests
{
    [Test]
    public async Task Unknown_enum_values_and_unknown_fields_deserialize_and_keep_their_raw_values()
    {
        using var hub = new MockHub(MockHub.QuantumBase);
        hub.Handler.When(HttpMethod.Get, MockHub.QuantumBase + "jobs/j1").Respond("application/json", """
            {
              "id": "j1",
              "status": "QUANTUM_TELEPORTED",
              "provider": "NEW_CLOUD",
              "input_format": "QASM_9000",
              "sdk_provider": "CIRQ",
              "brand_new_field": {"nested": [1, 2, 3]},
              "shots": 100
            }
            """);

        var job = await new JobsClient(hub.Http).GetJobAsync("j1");

        Assert.That(job.Id, Is.EqualTo("j1"));
        Assert.That(job.Shots, Is.EqualTo(100));
        Assert.That(job.Status.HasValue, Is.True);
        Assert.That(job.Status!.Value.ToString(), Is.EqualTo("QUANTUM_TELEPORTED"));
        Assert.That(job.Status.Value.IsKnown, Is.False);
        Assert.That(job.Status.Value, Is.Not.EqualTo(JobStatus.Completed));
        Assert.That(job.Provider!.Value.ToString(), Is.EqualTo("NEW_CLOUD"));
        Assert.That(job.InputFormat!.Value.ToString(), Is.EqualTo("QASM_9000"));
        Assert.That(job.SdkProvider!.Value.ToString(), Is.EqualTo("CIRQ"));
        Assert.That(job.AdditionalProperties, Contains.Key("brand_new_field"), "unknown fields are kept, not lost");
    }

    [Test]
    public async Task Unknown_enum_values_inside_arrays_and_nested_objects_deserialize()
    {
        using var hub = new MockHub(MockHub.QuantumBase);
        hub.Handler.When(HttpMethod.Get, MockHub.QuantumBase + "backends").Respond("application/json", """
            [{"id": "b1", "provider": "PASQAL", "status": "MAINTENANCE", "type": "ANALOG",
              "configuration": {"supported_input_formats": ["OPEN_QASM_V3", "PULSER_SEQUENCE"], "output_format": "PASQAL_V1"},
              "documentation": {"sdks": ["PULSER"]}}]
            """);

        var backends = await new BackendsClient(hub.Http).GetBackendsAsync();

        var b = backends.Single();
        Assert.That(b.Status!.Value.ToString(), Is.EqualTo("MAINTENANCE"));
        Assert.That(b.Type!.Value.ToString(), Is.EqualTo("ANALOG"));
        Assert.That(b.Configuration!.SupportedInputFormats!.Select(f => f.ToString()), Is.EqualTo(new[] { "OPEN_QASM_V3", "PULSER_SEQUENCE" }));
        Assert.That(b.Configuration.SupportedInputFormats!.First(), Is.EqualTo(JobInputFormat.OpenQasmV3));
        Assert.That(b.Documentation!.Sdks!.Single().ToString(), Is.EqualTo("PULSER"));
    }

    [Test]
    public async Task Absent_optional_fields_and_nulls_are_fine()
    {
        using var hub = new MockHub(MockHub.QuantumBase);
        hub.Handler.When(HttpMethod.Get, MockHub.QuantumBase + "sessions/s1").Respond("application/json", """{"id": "s1", "status": null, "tags": null}""");

        var session = await new SessionsClient(hub.Http).GetSessionAsync("s1");

        Assert.That(session.Id, Is.EqualTo("s1"));
        Assert.That(session.Status, Is.Null);
        Assert.That(session.Mode, Is.Null);
        Assert.That(session.CreatedAt, Is.Null);
    }

    [Test]
    public void Known_enum_values_compare_case_insensitively_and_round_trip_their_raw_text()
    {
        var status = JsonConvert.DeserializeObject<JobStatusResponse>("""{"status":"completed"}""")!;
        Assert.That(status.Status, Is.EqualTo(JobStatus.Completed));
        Assert.That(status.Status!.Value.IsKnown, Is.True);
        Assert.That(JsonConvert.SerializeObject(status), Does.Contain("\"status\":\"completed\""));
        Assert.That(JobStatus.KnownValues, Has.Count.EqualTo(8));
        JobStatus implicitFromString = "RUNNING";
        Assert.That(implicitFromString, Is.EqualTo(JobStatus.Running));
    }

    [Test]
    public void An_enum_given_an_object_fails_with_a_clear_message()
    {
        var ex = Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<JobStatusResponse>("""{"status":{"x":1}}"""));
        Assert.That(ex!.Message, Does.Contain("JobStatus").And.Contain("status"));
    }

    [Test]
    public void Job_input_variants_serialize_their_type_discriminator()
    {
        var request = new CreateJobRequest
        {
            BackendId = "aws.sim.sv1",
            Shots = 10,
            Input = new AwsSimSv1JobInput { Value = "OPENQASM 3.0; qubit[1] q; h q[0];" },
        };
        var json = JObject.Parse(JsonConvert.SerializeObject(request));
        Assert.That((string?)json["input"]!["type"], Is.EqualTo("AWS_SIM_SV1"));
        Assert.That((string?)json["input"]!["value"], Does.StartWith("OPENQASM 3.0"));

        var ionq = JObject.Parse(JsonConvert.SerializeObject(new AzureIonqSimulatorJobInput
        {
            Gateset = "qis",
            Qubits = 2,
            Circuit = [new IonqCircuitItem { Type = IonqGate.H, Targets = [0] }, new IonqCircuitItem { Type = IonqGate.Cnot, Targets = [1], Controls = [0] }],
        }));
        Assert.That((string?)ionq["type"], Is.EqualTo("AZURE_IONQ_SIMULATOR"));
        Assert.That((string?)ionq["circuit"]![1]!["type"], Is.EqualTo("cnot"));
    }

    [Test]
    public void Job_input_of_a_variant_the_sdk_does_not_know_round_trips_through_the_base_type()
    {
        var parsed = JsonConvert.DeserializeObject<JobInput>("""{"type":"PASQAL_FRESNEL","sequence":{"pulses":[1,2]}}""")!;
        Assert.That(parsed.GetType(), Is.EqualTo(typeof(JobInput)));
        Assert.That(parsed.AdditionalProperties["type"], Is.EqualTo("PASQAL_FRESNEL"));

        var back = JObject.Parse(JsonConvert.SerializeObject(parsed));
        Assert.That((string?)back["type"], Is.EqualTo("PASQAL_FRESNEL"));
        Assert.That(back["sequence"]!["pulses"]!.Values<int>(), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void Raw_job_input_without_a_type_is_refused_with_a_message_that_says_what_to_set()
    {
        var ex = Assert.Throws<JsonSerializationException>(() => JsonConvert.SerializeObject(new JobInput()));
        Assert.That(ex!.Message, Does.Contain("AdditionalProperties[\"type\"]"));
    }

    [Test]
    public void Known_job_input_variants_deserialize_to_their_subclass()
    {
        var parsed = JsonConvert.DeserializeObject<JobInput>("""{"type":"AWS_IQM_GARNET","value":"OPENQASM 3.0;"}""");
        Assert.That(parsed, Is.TypeOf<AwsIqmGarnetJobInput>());
        Assert.That(((AwsIqmGarnetJobInput)parsed!).Value, Is.EqualTo("OPENQASM 3.0;"));
        Assert.That(parsed!.AdditionalProperties, Does.Not.ContainKey("type"));
    }

    [Test]
    public async Task Malformed_json_from_the_server_raises_ApiException_with_status_and_inner_JsonException()
    {
        using var hub = new MockHub(MockHub.QuantumBase);
        hub.Handler.When(HttpMethod.Get, MockHub.QuantumBase + "jobs/j1").Respond(HttpStatusCode.OK, "application/json", """{"id": "j1", "status": """);

        var ex = Assert.ThrowsAsync<QuantumApiException>(() => new JobsClient(hub.Http).GetJobAsync("j1"));
        Assert.That(ex!.StatusCode, Is.EqualTo(200));
        Assert.That(ex.InnerException, Is.InstanceOf<JsonException>());
        await Task.CompletedTask;
    }
}
