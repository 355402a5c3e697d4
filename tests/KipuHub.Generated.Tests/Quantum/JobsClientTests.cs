using System.Net;
using KipuHub.Generated.Quantum;
using KipuHub.Generated.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KipuHub.Generated.Tests.Quantum;

[TestFixture]
public class JobsClientTests : GeneratedClientTestBase
{
    private const string JobJson = """
        {"id":"j1","name":"bell","backend_id":"azure.ionq.simulator","provider":"AZURE","provider_job_id":"pj-1",
         "input_params":{"memory":true},"input_format":"IONQ_CIRCUIT_V1","tags":["t1"],"status":"COMPLETED",
         "created_at":"2026-11-24T08:00:00Z","started_at":"2026-11-24T08:00:01Z","ended_at":"2026-11-24T08:00:03Z",
         "runtime":2000,"shots":1000,"session_id":"s1","sdk_provider":"CLIENT"}
        """;

    protected override string BaseAddress => MockHub.QuantumBase;

    private JobsClient Client => new(Hub.Http);

    [Test]
    public async Task SearchJobs_sends_paging_and_sort()
    {
        Expect(HttpMethod.Get, "jobs", "page=0&size=50&sort=created_at%2Cdesc")
            .Respond(_ => Json($$"""{"content":[{{JobJson}}],"page":0,"size":50,"total_elements":1,"total_pages":1}"""));

        var page = await Client.SearchJobsAsync(0, 50, ["created_at,desc"]);

        Assert.That(page.TotalElements, Is.EqualTo(1));
        Assert.That(page.Content!.Single().Id, Is.EqualTo("j1"));
    }

    [Test]
    public async Task SearchJobs_without_arguments_sends_no_query_and_no_header()
    {
        Expect(HttpMethod.Get, "jobs").Respond(_ => Json("""{"content":[],"page":0,"size":20,"total_elements":0,"total_pages":0}"""));
        await Client.SearchJobsAsync();
        Assert.That(Sent.Request.Headers.Contains("X-Service-Execution-Id"), Is.False);
    }

    [Test]
    public async Task CreateJob_posts_the_ionq_union_variant_and_maps_the_created_job()
    {
        Expect(HttpMethod.Post, "jobs").Respond(_ => Json(JobJson, HttpStatusCode.Created));

        var job = await Client.CreateJobAsync(new CreateJobRequest
        {
            BackendId = "azure.ionq.simulator",
            Shots = 1000,
            Name = "bell",
            Tags = ["t1"],
            SessionId = "s1",
            InputFormat = JobInputFormat.IonqCircuitV1,
            Input = new AzureIonqSimulatorJobInput
            {
                Gateset = "qis",
                Qubits = 2,
                Circuit = [new IonqCircuitItem { Type = IonqGate.H, Targets = [0] }, new IonqCircuitItem { Type = IonqGate.Cnot, Targets = [1], Controls = [0] }],
            },
        });

        AssertJsonBody("""
            {"name":"bell","backend_id":"azure.ionq.simulator","shots":1000,
             "input":{"type":"AZURE_IONQ_SIMULATOR","circuit":[{"type":"h","targets":[0]},{"type":"cnot","targets":[1],"controls":[0]}],"gateset":"qis","qubits":2},
             "input_format":"IONQ_CIRCUIT_V1","tags":["t1"],"session_id":"s1"}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(job.Id, Is.EqualTo("j1"));
            Assert.That(job.BackendId, Is.EqualTo("azure.ionq.simulator"));
            Assert.That(job.Provider, Is.EqualTo(JobProvider.Azure));
            Assert.That(job.ProviderJobId, Is.EqualTo("pj-1"));
            Assert.That((bool?)((JToken)job.InputParams!)["memory"], Is.True);
            Assert.That(job.InputFormat, Is.EqualTo(JobInputFormat.IonqCircuitV1));
            Assert.That(job.Status, Is.EqualTo(JobStatus.Completed));
            Assert.That(job.EndedAt - job.StartedAt, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(job.Runtime, Is.EqualTo(2000));
            Assert.That(job.Shots, Is.EqualTo(1000));
            Assert.That(job.SessionId, Is.EqualTo("s1"));
            Assert.That(job.SdkProvider, Is.EqualTo(JobSdkProvider.Client));
        });
    }

    [Test]
    public async Task CreateJob_posts_a_qasm_variant_with_input_params()
    {
        Expect(HttpMethod.Post, "jobs").Respond(_ => Json("""{"id":"j2","status":"PENDING"}""", HttpStatusCode.Created));

        await Client.CreateJobAsync(new CreateJobRequest
        {
            BackendId = "aws.sim.dm1",
            Shots = 100,
            Input = new AwsSimDm1JobInput { Value = "OPENQASM 3.0;" },
            InputParams = new AwsQasm3JobInputParams { DisableQubitRewiring = true },
        });

        AssertJsonBody("""{"backend_id":"aws.sim.dm1","shots":100,"input":{"type":"AWS_SIM_DM1","value":"OPENQASM 3.0;"},"input_params":{"disable_qubit_rewiring":true}}""");
    }

    [Test]
    public async Task GetJob_maps_the_record()
    {
        Expect(HttpMethod.Get, "jobs/j1").Respond(_ => Json(JobJson));
        var job = await Client.GetJobAsync("j1");
        Assert.That(job.Name, Is.EqualTo("bell"));
        Assert.That(job.Tags, Is.EqualTo(new[] { "t1" }));
    }

    [Test]
    public async Task CancelJob_sends_DELETE_and_accepts_204()
    {
        Expect(HttpMethod.Delete, "jobs/j1").Respond(HttpStatusCode.NoContent);
        await Client.CancelJobAsync("j1");
        Assert.That(Sent.Request.Method, Is.EqualTo(HttpMethod.Delete));
    }

    [Test]
    public async Task GetJobStatus_maps_the_terse_view()
    {
        Expect(HttpMethod.Get, "jobs/j1/status").Respond(_ => Json("""{"status":"CANCELLING"}"""));
        Assert.That((await Client.GetJobStatusAsync("j1")).Status, Is.EqualTo(JobStatus.Cancelling));
    }

    [Test]
    public async Task GetJobResult_returns_the_backend_specific_json()
    {
        Expect(HttpMethod.Get, "jobs/j1/result").Respond(_ => Json("""{"counts":{"00":501,"11":499},"memory":["00","11"]}"""));
        var result = JObject.FromObject(await Client.GetJobResultAsync("j1"));
        Assert.That((int)result["counts"]!["00"]!, Is.EqualTo(501));
        Assert.That(result["memory"]!.Values<string>(), Is.EqualTo(new[] { "00", "11" }));
    }

    [Test]
    public async Task GetJobResultStream_streams_without_buffering_and_reads_in_chunks()
    {
        const long size = 8 * 1024 * 1024;
        var source = new CountingStream(size);
        Expect(HttpMethod.Get, "jobs/j1/result-stream").Respond(_ =>
        {
            var content = new StreamContent(source, 16 * 1024);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });

        using var file = await Client.GetJobResultStreamAsync("j1");

        Assert.That(source.BytesRead, Is.LessThan(size / 8), "the response must not be buffered before the caller reads it");
        Assert.That(file.StatusCode, Is.EqualTo(200));
        Assert.That(file.Headers["Content-Type"].Single(), Is.EqualTo("application/octet-stream"));
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read, chunks = 0;
        while ((read = await file.Stream.ReadAsync(buffer)) > 0)
        {
            Assert.That(buffer[0], Is.EqualTo(CountingStream.ExpectedByteAt(total)));
            total += read;
            chunks++;
        }
        Assert.That(total, Is.EqualTo(size));
        Assert.That(chunks, Is.GreaterThan(1));
    }

    [Test]
    public async Task GetJobInput_returns_the_input_document_string()
    {
        Expect(HttpMethod.Get, "jobs/j1/input").Respond(_ => Json("\"{\\\"gateset\\\":\\\"qis\\\"}\""));
        Assert.That(await Client.GetJobInputAsync("j1"), Is.EqualTo("{\"gateset\":\"qis\"}"));
    }

    [Test]
    public async Task GetJobCalibration_maps_the_calibration()
    {
        Expect(HttpMethod.Get, "jobs/j1/calibration").Respond(_ => Json("""{"backend_id":"b1","calibrated_at":"2026-11-24T07:00:00Z","calibration":{"fidelity":0.99}}"""));
        var calibration = await Client.GetJobCalibrationAsync("j1");
        Assert.That((double)((JToken)calibration.Calibration!)["fidelity"]!, Is.EqualTo(0.99));
    }

    [Test]
    public void Error_status_code_headers_and_json_body_reach_the_caller()
    {
        Expect(HttpMethod.Get, "jobs/missing").Respond(_ => ErrorResponse(HttpStatusCode.NotFound, """{"status":404,"message":"Job 'missing' not found"}"""));

        var ex = Assert.ThrowsAsync<QuantumApiException>(() => Client.GetJobAsync("missing"));

        Assert.That(ex!.StatusCode, Is.EqualTo(404));
        Assert.That(ex.Response, Is.EqualTo("""{"status":404,"message":"Job 'missing' not found"}"""));
        Assert.That(ex.Headers.Header("X-Request-Id"), Is.EqualTo("req-42"));
        Assert.That(ex.Headers.Header("Content-Type"), Does.StartWith("application/json"));
    }

    [Test]
    public void Error_with_a_plain_text_body_keeps_the_text()
    {
        Expect(HttpMethod.Post, "jobs").Respond(_ => ErrorResponse(HttpStatusCode.UnprocessableEntity, "shots must be <= 100000", "text/plain"));

        var ex = Assert.ThrowsAsync<QuantumApiException>(() => Client.CreateJobAsync(new CreateJobRequest { BackendId = "b", Shots = 1, Input = new AwsSimSv1JobInput { Value = "x" } }));

        Assert.That(ex!.StatusCode, Is.EqualTo(422));
        Assert.That(ex.Response, Is.EqualTo("shots must be <= 100000"));
        Assert.That(ex.Headers.Header("Retry-After"), Is.EqualTo("3"));
    }

    [Test]
    public void An_undeclared_status_still_carries_status_and_body()
    {
        Expect(HttpMethod.Get, "jobs/j1/status").Respond(_ => ErrorResponse(HttpStatusCode.TooManyRequests, """{"message":"slow down"}"""));
        var ex = Assert.ThrowsAsync<QuantumApiException>(() => Client.GetJobStatusAsync("j1"));
        Assert.That(ex!.StatusCode, Is.EqualTo(429));
        Assert.That(ex.Response, Does.Contain("slow down"));
    }
}
