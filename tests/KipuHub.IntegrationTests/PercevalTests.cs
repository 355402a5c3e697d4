using System.Text;
using KipuHub.Emulator.Faults;
using KipuHub.Generated.Quantum;
using Newtonsoft.Json.Linq;

namespace KipuHub.IntegrationTests;

/// <summary>hub-facts-2026.md Quantum API 1-4 and 7 through the facade: Perceval jobs, FAILED results, the least-busy backend.</summary>
[TestFixture]
public class PercevalTests : EmulatorFixture
{
    private const string ZlibError = "Error -3 while decompressing data: incorrect data check";

    [Test]
    public async Task A_Perceval_job_with_sdk_provider_and_zero_shots_runs_to_a_Quandela_envelope()
    {
        using var client = QuantumClient();

        var job = await client.SubmitJobAsync(Perceval(shots: 0, maxShots: 500));
        var final = await client.WaitForCompletionAsync(job.Id!, Fast);
        var result = JObject.FromObject(await client.Jobs.GetJobResultAsync(job.Id!)).ToObject<QuandelaJobResult>()!;

        Assert.That(final.Status, Is.EqualTo(JobStatus.Completed));
        Assert.That(final.SdkProvider, Is.EqualTo(JobSdkProvider.Perceval));
        Assert.That(result.Shots, Is.EqualTo(500));
        Assert.That(((JObject)JObject.Parse(result.Results!)["results"]!).Properties().Sum(p => (int)p.Value), Is.EqualTo(500));
    }

    [Test]
    public async Task The_request_body_carries_the_Perceval_variant_sdk_provider_and_params_on_the_wire()
    {
        var bodies = new List<string>();
        var options = new HubQuantumClientOptions { ApiKey = Hub.AccessToken, BaseUrl = Hub.QuantumBaseUrl };
        options.AddHandler(() => new BodyCapture(bodies));
        using var client = new HubQuantumClient(options);

        await client.SubmitJobAsync(Perceval(shots: 0, maxShots: 10));

        var body = JObject.Parse(bodies.Single());
        Assert.That(body.Value<string>("sdk_provider"), Is.EqualTo("PERCEVAL"));
        Assert.That(body.Value<string>("input_format"), Is.EqualTo("PERCEVAL"));
        Assert.That(body.Value<int>("shots"), Is.EqualTo(0));
        Assert.That(body["input"]!.Value<string>("type"), Is.EqualTo("QUANDELA_SIM_BELENOS"));
        Assert.That(body["input"]!["value"], Is.InstanceOf<JObject>(), "value is the Perceval payload object, not a string");
        Assert.That(body["input"]!["value"]!.Value<int>("max_shots"), Is.EqualTo(10));
        Assert.That(body["input_params"]!.Value<string>("pcvl_version"), Is.EqualTo("1.1.0"));
        Assert.That(body["input_params"]!.Value<string>("process_id"), Is.EqualTo("p-1"));
    }

    [Test]
    public void RunJobAsync_on_a_FAILED_job_carries_the_failure_result_the_Hub_answers()
    {
        using var client = QuantumClient();

        var ex = Assert.ThrowsAsync<JobFailedException>(() => client.RunJobAsync(Perceval(shots: 10, circuit: CorruptCircuit), Fast));

        Assert.That(ex!.Status, Is.EqualTo(JobStatus.Failed));
        Assert.That(ex.FailureResult, Is.InstanceOf<JObject>());
        Assert.That(ex.FailureResult!.Value<string>("job_id"), Is.EqualTo(ex.Job.Id));
        Assert.That(ex.FailureMessage, Is.EqualTo(ZlibError));
        Assert.That(ex.Message, Does.Contain(ZlibError));
    }

    [Test]
    public void RunJobAsync_on_a_FAILED_gate_job_carries_the_emulators_failure_document()
    {
        using var client = QuantumClient();

        var ex = Assert.ThrowsAsync<JobFailedException>(() => client.RunJobAsync(Circuits.Bell(inputParams: new() { ["emulator_fail"] = "laser drift" }), Fast));

        Assert.That(ex!.FailureResult!["error_data"]!.Value<string>("message"), Is.EqualTo("laser drift"));
        Assert.That(ex.FailureMessage, Is.EqualTo("laser drift"));
    }

    [TestCase(FaultKind.ServerError)]
    [TestCase(FaultKind.MalformedJson)]
    [TestCase(FaultKind.ResetConnection)]
    public void RunJobAsync_still_throws_JobFailedException_when_the_failure_result_cannot_be_read(FaultKind fault)
    {
        using var client = QuantumClient(maxRetries: 0);
        Hub.Faults.Add(new FaultRule(fault, "/quantum/jobs/*/result-stream") { Method = "GET" });

        var ex = Assert.ThrowsAsync<JobFailedException>(() => client.RunJobAsync(Perceval(shots: 10, circuit: CorruptCircuit), Fast));

        Assert.That(ex!.Status, Is.EqualTo(JobStatus.Failed));
        Assert.That(ex.FailureResult, Is.Null);
        Assert.That(ex.FailureMessage, Is.Null);
        Assert.That(ex.Message, Does.Contain(ZlibError), "error_data still gives the reason");
    }

    [Test]
    public void RunJobAsync_does_not_read_a_failure_result_larger_than_its_bound()
    {
        using var client = QuantumClient();
        var padded = Perceval(shots: 10, circuit: CorruptCircuit);
        padded.InputParams!.AdditionalProperties["emulator_result_bytes"] = 200_000;

        var ex = Assert.ThrowsAsync<JobFailedException>(() => client.RunJobAsync(padded, Fast));

        Assert.That(ex!.FailureResult, Is.Null, "over 64 KiB it is left for ReadJobResultAsync");
        Assert.That(ex.Message, Does.Contain(ZlibError));
    }

    [Test]
    public async Task GetLeastBusyBackendAsync_picks_the_online_backend_with_the_shortest_queue()
    {
        using var client = QuantumClient();

        var aws = await client.GetLeastBusyBackendAsync(BackendProvider.Aws);
        var quandela = await client.GetLeastBusyBackendAsync(BackendProvider.Quandela);
        var none = await client.GetLeastBusyBackendAsync(BackendProvider.Dwave);

        Assert.That(aws!.Status, Is.EqualTo(BackendStatus.Online));
        Assert.That(aws.Id, Is.EqualTo("aws.sim.dm1"), "queue 0 like aws.sim.sv1; ties go by id");
        Assert.That(quandela!.Id, Is.EqualTo("quandela.sim.belenos"), "queue 0 against the QPU's 2");
        Assert.That(none, Is.Null, "no ONLINE backend of that provider");
    }

    private static readonly string CorruptCircuit = ":PCVL:zip:" + Convert.ToBase64String(Encoding.ASCII.GetBytes("definitely not zlib"));

    private static CreateJobRequest Perceval(int shots, int? maxShots = null, string? circuit = null)
    {
        var payload = new JObject { ["command"] = "sample_count", ["input_state"] = "|1,0,1,0>" };
        if (maxShots is { } max) payload["max_shots"] = max;
        if (circuit is not null) payload["circuit"] = circuit;
        return new CreateJobRequest
        {
            BackendId = "quandela.sim.belenos",
            Shots = shots,
            Input = new QuandelaSimBelenosJobInput { Value = payload },
            InputFormat = JobInputFormat.Perceval,
            SdkProvider = JobSdkProvider.Perceval,
            InputParams = new PercevalJobInputParams { PcvlVersion = "1.1.0", ProcessId = "p-1" },
        };
    }

    /// <summary>Records each request body the SDK sends (POST only: the one job submission).</summary>
    private sealed class BodyCapture(List<string> bodies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post && request.Content is not null)
            {
                bodies.Add(await request.Content.ReadAsStringAsync(cancellationToken));
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
