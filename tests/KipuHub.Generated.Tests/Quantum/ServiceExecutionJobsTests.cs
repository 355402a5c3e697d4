using System.Net;
using KipuHub.Generated.Quantum;
using KipuHub.Generated.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KipuHub.Generated.Tests.Quantum;

/// <summary>The service-execution-scoped family on the jobs namespace (sdk-api.md "service_exec_" methods).</summary>
[TestFixture]
public class ServiceExecutionJobsTests : GeneratedClientTestBase
{
    private const string Prefix = "service-executions/se-1/";

    protected override string BaseAddress => MockHub.QuantumBase;

    private JobsClient Client => new(Hub.Http);

    [Test]
    public async Task SearchServiceExecJobs_pages_under_the_execution()
    {
        Expect(HttpMethod.Get, Prefix + "jobs", "page=1&size=5").Respond(_ => Json("""{"content":[{"id":"j9"}],"page":1,"size":5,"total_elements":6,"total_pages":2}"""));
        var page = await Client.SearchServiceExecJobsAsync("se-1", 1, 5);
        Assert.That(page.Content!.Single().Id, Is.EqualTo("j9"));
        Assert.That(page.TotalPages, Is.EqualTo(2));
    }

    [Test]
    public async Task CreateServiceExecJob_posts_the_request_under_the_execution()
    {
        Expect(HttpMethod.Post, Prefix + "jobs").Respond(_ => Json("""{"id":"j9","status":"PENDING"}""", HttpStatusCode.Created));
        var job = await Client.CreateServiceExecJobAsync("se-1", new CreateJobRequest { BackendId = "aws.sim.sv1", Shots = 10, Input = new AwsSimSv1JobInput { Value = "OPENQASM 3.0;" } });
        AssertJsonBody("""{"backend_id":"aws.sim.sv1","shots":10,"input":{"type":"AWS_SIM_SV1","value":"OPENQASM 3.0;"}}""");
        Assert.That(job.Status, Is.EqualTo(JobStatus.Pending));
    }

    [Test]
    public async Task GetServiceExecJob_maps_the_job()
    {
        Expect(HttpMethod.Get, Prefix + "jobs/j9").Respond(_ => Json("""{"id":"j9","status":"RUNNING"}"""));
        Assert.That((await Client.GetServiceExecJobAsync("se-1", "j9")).Status, Is.EqualTo(JobStatus.Running));
    }

    [Test]
    public async Task CancelServiceExecJob_sends_DELETE()
    {
        Expect(HttpMethod.Delete, Prefix + "jobs/j9").Respond(HttpStatusCode.NoContent);
        await Client.CancelServiceExecJobAsync("se-1", "j9");
    }

    [Test]
    public async Task GetServiceExecJobStatus_maps_the_status()
    {
        Expect(HttpMethod.Get, Prefix + "jobs/j9/status").Respond(_ => Json("""{"status":"FAILED"}"""));
        Assert.That((await Client.GetServiceExecJobStatusAsync("se-1", "j9")).Status, Is.EqualTo(JobStatus.Failed));
    }

    [Test]
    public async Task GetServiceExecJobResult_returns_json()
    {
        Expect(HttpMethod.Get, Prefix + "jobs/j9/result").Respond(_ => Json("""{"counts":{"1":10}}"""));
        Assert.That((int)JObject.FromObject(await Client.GetServiceExecJobResultAsync("se-1", "j9"))["counts"]!["1"]!, Is.EqualTo(10));
    }

    [Test]
    public async Task GetServiceExecJobResultStream_returns_a_stream()
    {
        Expect(HttpMethod.Get, Prefix + "jobs/j9/result-stream").Respond(HttpStatusCode.OK, "application/octet-stream", "{\"counts\":{}}");
        using var file = await Client.GetServiceExecJobResultStreamAsync("se-1", "j9");
        using var reader = new StreamReader(file.Stream);
        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("{\"counts\":{}}"));
    }

    [Test]
    public async Task GetServiceExecJobInput_returns_the_string()
    {
        Expect(HttpMethod.Get, Prefix + "jobs/j9/input").Respond(_ => Json("\"OPENQASM 3.0;\""));
        Assert.That(await Client.GetServiceExecJobInputAsync("se-1", "j9"), Is.EqualTo("OPENQASM 3.0;"));
    }

    [Test]
    public async Task GetServiceExecJobCalibration_maps_the_calibration()
    {
        Expect(HttpMethod.Get, Prefix + "jobs/j9/calibration").Respond(_ => Json("""{"backend_id":"b1"}"""));
        Assert.That((await Client.GetServiceExecJobCalibrationAsync("se-1", "j9")).BackendId, Is.EqualTo("b1"));
    }

    [Test]
    public async Task GetServiceExecSession_maps_the_session()
    {
        Expect(HttpMethod.Get, "service-executions/se-1/sessions/s9").Respond(_ => Json("""{"id":"s9","status":"ACTIVE"}"""));
        Assert.That((await Client.GetServiceExecSessionAsync("se-1", "s9")).Status, Is.EqualTo(SessionStatus.Active));
    }

    [Test]
    public async Task CloseServiceExecSession_posts_close()
    {
        Expect(HttpMethod.Post, "service-executions/se-1/sessions/s9/close").Respond(_ => Json("""{"id":"s9","status":"CLOSED"}"""));
        Assert.That((await Client.CloseServiceExecSessionAsync("se-1", "s9")).Status, Is.EqualTo(SessionStatus.Closed));
    }

    [Test]
    public async Task Path_segments_are_escaped()
    {
        Expect(HttpMethod.Get, "service-executions/se%201/jobs/j%2F9").Respond(_ => Json("""{"id":"j/9"}"""));
        Assert.That((await Client.GetServiceExecJobAsync("se 1", "j/9")).Id, Is.EqualTo("j/9"));
    }
}
