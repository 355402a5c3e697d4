using System.IO.Compression;
using System.Text;
using KipuHub.Emulator.Tests.Support;
using KipuHub.Generated.Quantum;
using Newtonsoft.Json.Linq;

namespace KipuHub.Emulator.Tests.Quantum;

/// <summary>hub-facts-2026.md Quantum API 1-5: the Quandela Belenos backends, Perceval input, sdk_provider, shots 0, FAILED results.</summary>
[TestFixture]
public class QuandelaTests : EmulatorTestBase
{
    [Test]
    public async Task Both_Belenos_backends_are_listed_online_and_their_config_is_the_provider_payload()
    {
        var quandela = await Backends.GetBackendsAsync(BackendProvider.Quandela);
        var config = (JObject)await Backends.GetBackendConfigAsync("quandela.sim.belenos");

        Assert.That(quandela.Select(b => b.Id), Is.EquivalentTo(new[] { "quandela.sim.belenos", "quandela.qpu.belenos" }));
        Assert.That(quandela.All(b => b.Status == BackendStatus.Online && b.Technology == BackendTechnology.Photonic), Is.True);
        Assert.That(quandela.Single(b => b.Id == "quandela.sim.belenos").Type, Is.EqualTo(BackendType.Simulator));
        Assert.That(config.Properties().Select(p => p.Name), Is.EquivalentTo(new[] { "name", "status", "perfs", "specs" }), "no type field, no Hub configuration");
        Assert.That(config.Value<string>("name"), Is.EqualTo("quandela.sim.belenos"));
        Assert.That(config.Value<string>("status"), Is.EqualTo("online"));
        Assert.That(config["perfs"], Is.InstanceOf<JObject>().And.Empty);
        Assert.That(config["specs"]!["constraints"]!.Value<int>("max_mode_count"), Is.EqualTo(24));
        Assert.That(config["specs"]!["constraints"]!.Value<int>("min_photon_count"), Is.EqualTo(1));
        Assert.That(config["specs"]!.Value<string>("detector"), Is.EqualTo("threshold"));
        Assert.That(config["specs"]!["available_commands"]!.Values<string>(), Does.Contain("sample_count"));
        Assert.That(config["specs"]!["connected_input_modes"], Is.InstanceOf<JArray>().And.Not.Empty);
        Assert.That(config["specs"]!.Value<string>("specific_circuit"), Is.Not.Empty);
    }

    [Test]
    public async Task A_Perceval_job_with_zero_shots_takes_max_shots_and_completes_with_counts_in_the_envelope()
    {
        var created = await Jobs.CreateJobAsync(Perceval("quandela.sim.belenos", new QuandelaSimBelenosJobInput(), shots: 0, maxShots: 1000));
        Advance(LongEnough);

        var job = await Jobs.GetJobAsync(created.Id!);
        var raw = (JObject)await Jobs.GetJobResultAsync(created.Id!);
        var result = raw.ToObject<QuandelaJobResult>()!;
        var counts = (JObject)JObject.Parse(result.Results!)["results"]!;

        Assert.That(job.Status, Is.EqualTo(JobStatus.Completed));
        Assert.That(job.SdkProvider, Is.EqualTo(JobSdkProvider.Perceval));
        Assert.That(job.InputFormat, Is.EqualTo(JobInputFormat.Perceval));
        Assert.That(job.Shots, Is.EqualTo(0), "the job keeps the shots it was sent");
        Assert.That(((JObject)job.InputParams!).Value<string>("pcvl_version"), Is.EqualTo("1.1.0"));
        Assert.That(((JObject)job.InputParams!).Value<string>("process_id"), Is.EqualTo("proc-7"));
        Assert.That(raw.Properties().Select(p => p.Name), Is.EquivalentTo(new[] { "duration", "intermediate_results", "job_id", "results", "results_type", "shots" }));
        Assert.That(raw["results"]!.Type, Is.EqualTo(JTokenType.String), "results is a JSON-encoded string");
        Assert.That(result.JobId, Is.EqualTo(created.Id));
        Assert.That(result.Shots, Is.EqualTo(1000), "taken from max_shots");
        Assert.That(result.ResultsType, Is.EqualTo("sample_count"));
        Assert.That(result.Duration, Is.EqualTo(0.05).Within(1e-9));
        Assert.That(Json.Total(counts), Is.EqualTo(1000));
        Assert.That(counts.Properties().Select(p => p.Name), Is.All.Matches<string>(k => PhotonsIn(k) == (4, 2)), "two photons in four modes, as the input state");
    }

    [Test]
    public async Task The_same_seed_gives_the_same_Perceval_counts_and_samples_lists_one_state_per_shot()
    {
        var first = await RunOnFreshHubAsync(Perceval("quandela.qpu.belenos", new QuandelaQpuBelenosJobInput(), shots: 200));
        var again = await RunOnFreshHubAsync(Perceval("quandela.qpu.belenos", new QuandelaQpuBelenosJobInput(), shots: 200));
        var samples = await RunOnFreshHubAsync(Perceval("quandela.qpu.belenos", new QuandelaQpuBelenosJobInput(), shots: 5, command: "samples"));

        Assert.That(first, Is.EqualTo(again));
        Assert.That(Json.Total(JObject.Parse(first)["results"]), Is.EqualTo(200));
        Assert.That(JObject.Parse(samples)["results"], Is.InstanceOf<JArray>().And.Count.EqualTo(5));
    }

    [Test]
    public async Task A_FAILED_Perceval_job_answers_its_result_with_200_and_the_error_message_in_results()
    {
        var corrupt = ":PCVL:zip:" + Convert.ToBase64String(Encoding.ASCII.GetBytes("not zlib at all"));
        var created = await Jobs.CreateJobAsync(Perceval("quandela.sim.belenos", new QuandelaSimBelenosJobInput(), shots: 100, circuit: corrupt));
        Advance(LongEnough);

        var job = await Jobs.GetJobAsync(created.Id!);
        var result = ((JObject)await Jobs.GetJobResultAsync(created.Id!)).ToObject<QuandelaJobResult>()!;
        using var stream = await Jobs.GetJobResultStreamAsync(created.Id!);
        var streamed = JObject.Parse(await new StreamReader(stream.Stream).ReadToEndAsync());

        Assert.That(job.Status, Is.EqualTo(JobStatus.Failed));
        Assert.That(((JObject)job.ErrorData!).Value<string>("message"), Is.EqualTo("Error -3 while decompressing data: incorrect data check"));
        Assert.That(result.Results, Is.EqualTo("Error -3 while decompressing data: incorrect data check"));
        Assert.That(result.Shots, Is.EqualTo(100));
        Assert.That(streamed.Value<string>("results"), Is.EqualTo(result.Results), "result-stream serves the same document");
    }

    [Test]
    public async Task A_valid_zipped_circuit_does_not_fail()
    {
        using var buffer = new MemoryStream();
        await using (var zlib = new ZLibStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            await zlib.WriteAsync(Encoding.UTF8.GetBytes("{\"circuit\": \"emulated\"}"));
        }

        var created = await Jobs.CreateJobAsync(Perceval("quandela.sim.belenos", new QuandelaSimBelenosJobInput(), shots: 10, circuit: ":PCVL:zip:" + Convert.ToBase64String(buffer.ToArray())));
        Advance(LongEnough);

        Assert.That((await Jobs.GetJobStatusAsync(created.Id!)).Status, Is.EqualTo(JobStatus.Completed));
    }

    [Test]
    public void Perceval_payloads_the_backend_cannot_run_are_refused_with_the_reason()
    {
        var noMaxShots = Api.FailsWith(422, () => Jobs.CreateJobAsync(Perceval("quandela.sim.belenos", new QuandelaSimBelenosJobInput(), shots: 0)));
        var tooManyPhotons = Api.FailsWith(422, () => Jobs.CreateJobAsync(Perceval("quandela.sim.belenos", new QuandelaSimBelenosJobInput(), shots: 10, inputState: "|1,1,1,1,1,1,1,0>")));
        var probs = Api.FailsWith(422, () => Jobs.CreateJobAsync(Perceval("quandela.sim.belenos", new QuandelaSimBelenosJobInput(), shots: 10, command: "probs")));
        var wrongVariant = Api.FailsWith(422, () => Jobs.CreateJobAsync(Perceval("quandela.sim.belenos", new QuandelaQpuBelenosJobInput(), shots: 10)));
        var zeroShotsElsewhere = Api.FailsWith(422, () => Jobs.CreateJobAsync(Circuits.QasmBell(shots: 0)));

        Assert.That(noMaxShots.Value<string>("message"), Does.Contain("max_shots"));
        Assert.That(tooManyPhotons.Value<string>("message"), Does.Contain("7 photons"));
        Assert.That(probs.Value<string>("message"), Does.Contain("'probs'"));
        Assert.That(wrongVariant.Value<string>("message"), Does.Contain("expects QUANDELA_SIM_BELENOS"));
        Assert.That(zeroShotsElsewhere.Value<string>("message"), Does.Contain("shots is 0"));
    }

    [Test]
    public async Task A_Perceval_value_that_is_not_an_object_is_400()
    {
        using var content = new StringContent(
            """{"backend_id":"quandela.sim.belenos","shots":10,"input":{"type":"QUANDELA_SIM_BELENOS","value":"|1,0>"}}""",
            Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync("jobs", content);

        Assert.That((int)response.StatusCode, Is.EqualTo(400));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Perceval payload"));
    }

    private static CreateJobRequest Perceval(string backendId, PercevalJobInput input, int shots, int? maxShots = null, string command = "sample_count", string inputState = "|1,0,1,0>", string? circuit = null)
    {
        var payload = new JObject { ["command"] = command, ["input_state"] = ":PCVL:BasicState:" + inputState };
        if (maxShots is { } max) payload["max_shots"] = max;
        if (circuit is not null) payload["circuit"] = circuit;
        input.Value = payload;
        return new CreateJobRequest
        {
            BackendId = backendId,
            Shots = shots,
            Input = input,
            InputFormat = JobInputFormat.Perceval,
            SdkProvider = JobSdkProvider.Perceval,
            InputParams = new PercevalJobInputParams { PcvlVersion = "1.1.0", ProcessId = "proc-7" },
        };
    }

    private static async Task<string> RunOnFreshHubAsync(CreateJobRequest request)
    {
        var (hub, time) = await StartAsync();
        await using (hub)
        {
            using var http = hub.CreateQuantumHttpClient();
            var jobs = new JobsClient(http);
            var job = await jobs.CreateJobAsync(request);
            time.Advance(LongEnough);
            return ((JObject)await jobs.GetJobResultAsync(job.Id!)).Value<string>("results")!;
        }
    }

    private static (int Modes, int Photons) PhotonsIn(string state)
    {
        var modes = state.Trim('|', '>').Split(',').Select(int.Parse).ToArray();
        return (modes.Length, modes.Sum());
    }
}
