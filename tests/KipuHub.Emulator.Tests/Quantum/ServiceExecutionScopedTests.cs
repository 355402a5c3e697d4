using KipuHub.Emulator.Tests.Support;
using KipuHub.Generated.Quantum;
using KipuHub.Generated.Service;
using Newtonsoft.Json.Linq;

namespace KipuHub.Emulator.Tests.Quantum;

/// <summary>The /service-executions/{id}/jobs and /sessions family, fed by the bell-sampler service's own job.</summary>
[TestFixture]
public class ServiceExecutionScopedTests : EmulatorTestBase
{
    private async Task<(string ExecutionId, string JobId)> StartBellSamplerAsync(string backendId)
    {
        using var http = Hub.CreateServiceHttpClient("bell-sampler");
        var execution = await new ServiceApiClient(http).StartExecutionAsync(new StartExecutionRequest { Input = new JObject { ["backend_id"] = backendId, ["shots"] = 500 } });
        var jobs = await Jobs.SearchServiceExecJobsAsync(execution.Id!);
        return (execution.Id!, jobs.Content!.Single().Id!);
    }

    private LegacyJobs LegacyScopedJobs(string executionId)
    {
        var http = Hub.CreateQuantumHttpClient();
        http.DefaultRequestHeaders.Add("X-Service-Execution-Id", executionId);
        return new LegacyJobs(http);
    }

    /// <summary>A JobsClient whose HttpClient sends the legacy X-Service-Execution-Id header on every request.</summary>
    private sealed class LegacyJobs(HttpClient http) : IDisposable
    {
        public JobsClient Client { get; } = new(http);

        public void Dispose() => http.Dispose();
    }

    [Test]
    public async Task A_service_executions_jobs_are_readable_through_the_scoped_operations()
    {
        var (executionId, jobId) = await StartBellSamplerAsync("aws.iqm.garnet");
        Advance(LongEnough);

        var job = await Jobs.GetServiceExecJobAsync(executionId, jobId);
        var status = await Jobs.GetServiceExecJobStatusAsync(executionId, jobId);
        var result = (JObject)await Jobs.GetServiceExecJobResultAsync(executionId, jobId);
        using var stream = await Jobs.GetServiceExecJobResultStreamAsync(executionId, jobId);
        var streamed = JObject.Parse(await new StreamReader(stream.Stream).ReadToEndAsync());
        var input = JObject.Parse(await Jobs.GetServiceExecJobInputAsync(executionId, jobId));
        var calibration = await Jobs.GetServiceExecJobCalibrationAsync(executionId, jobId);
        // The legacy header is no method parameter: a caller who needs it sets it on its own HttpClient.
        using var legacy = LegacyScopedJobs(executionId);
        var viaHeader = await legacy.Client.GetJobAsync(jobId);
        var listedViaHeader = await legacy.Client.SearchJobsAsync();

        Assert.That(job.Tags, Does.Contain("service:bell-sampler"));
        Assert.That(status.Status, Is.EqualTo(JobStatus.Completed));
        Assert.That(Json.Total(result["counts"]), Is.EqualTo(500));
        Assert.That(JToken.DeepEquals(result, streamed), Is.True);
        Assert.That(input.Value<string>("type"), Is.EqualTo("AWS_IQM_GARNET"));
        Assert.That(calibration.BackendId, Is.EqualTo("aws.iqm.garnet"));
        Assert.That(viaHeader.Id, Is.EqualTo(jobId));
        Assert.That(listedViaHeader.Content!.Select(j => j.Id), Is.EqualTo(new[] { jobId }));
    }

    [Test]
    public async Task Jobs_can_be_created_listed_and_cancelled_within_a_service_execution()
    {
        var (executionId, _) = await StartBellSamplerAsync("aws.sim.sv1");

        var created = await Jobs.CreateServiceExecJobAsync(executionId, Circuits.IonqBell());
        await Jobs.CancelServiceExecJobAsync(executionId, created.Id!);
        Advance(LongEnough);
        var listed = await Jobs.SearchServiceExecJobsAsync(executionId, size: 10, sort: ["created_at,asc"]);
        var outsider = await Jobs.CreateJobAsync(Circuits.IonqBell());

        Assert.That(listed.TotalElements, Is.EqualTo(2));
        Assert.That(listed.Content!.Last().Id, Is.EqualTo(created.Id));
        Assert.That(listed.Content!.Last().Status, Is.EqualTo(JobStatus.Cancelled));
        Api.FailsWith(404, () => Jobs.GetServiceExecJobAsync(executionId, outsider.Id!));
        using var legacy = LegacyScopedJobs(executionId);
        Api.FailsWith(404, () => legacy.Client.GetJobAsync(outsider.Id!));
        Api.FailsWith(404, () => Jobs.SearchServiceExecJobsAsync("no-such-execution"));
        Api.FailsWith(404, () => Jobs.CreateServiceExecJobAsync("no-such-execution", Circuits.IonqBell()));
    }

    [Test]
    public async Task Sessions_opened_for_a_service_execution_are_readable_and_closable_through_it()
    {
        var (executionId, _) = await StartBellSamplerAsync("aws.sim.sv1");
        using var http = Hub.CreateQuantumHttpClient();
        http.DefaultRequestHeaders.Add("X-Service-Execution-Id", executionId);
        var session = await new SessionsClient(http).CreateSessionAsync(new CreateSessionRequest { BackendId = "aws.sim.sv1", Mode = SessionMode.Batch, Provider = SessionProvider.Aws });
        var plain = await Sessions.CreateSessionAsync(new CreateSessionRequest { BackendId = "aws.sim.sv1", Mode = SessionMode.Batch, Provider = SessionProvider.Aws });

        var read = await Jobs.GetServiceExecSessionAsync(executionId, session.Id!);
        var closed = await Jobs.CloseServiceExecSessionAsync(executionId, session.Id!);

        Assert.That(read.Status, Is.EqualTo(SessionStatus.Open));
        Assert.That(closed.Status, Is.EqualTo(SessionStatus.Closed));
        Api.FailsWith(404, () => Jobs.GetServiceExecSessionAsync(executionId, plain.Id!));
        Api.FailsWith(404, () => Jobs.CloseServiceExecSessionAsync("no-such-execution", session.Id!));
    }
}
