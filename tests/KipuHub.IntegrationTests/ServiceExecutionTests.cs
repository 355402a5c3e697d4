using KipuHub.Generated.Service;
using Newtonsoft.Json.Linq;

namespace KipuHub.IntegrationTests;

[TestFixture]
public class ServiceExecutionTests : EmulatorFixture
{
    [Test]
    public async Task RunAsync_invokes_the_echo_service_and_downloads_its_result_file()
    {
        using var service = ServiceClient("echo");
        var run = await service.RunAsync(new StartExecutionRequest { Input = JObject.Parse("""{"molecule":"H2"}""") }, Fast);

        Assert.That(run.Execution.Status, Is.EqualTo(ServiceExecutionStatus.Succeeded));
        Assert.That(run.FileNames, Does.Contain("output.json"));
        var path = Path.Combine(Path.GetTempPath(), "kipuhub-echo-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var bytes = await service.DownloadResultFileAsync(run.Execution.Id!, "output.json", path);
            Assert.That(bytes, Is.GreaterThan(0));
            Assert.That(File.ReadAllText(path), Does.Contain("H2"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task Logs_can_be_followed_while_the_Bell_sampler_runs()
    {
        using var service = ServiceClient("bell-sampler");
        var started = await service.ServiceApi.StartExecutionAsync(new StartExecutionRequest { Input = JObject.Parse("""{"shots":100,"backend_id":"aws.sim.sv1"}""") });

        var entries = new List<LogEntry>();
        await foreach (var entry in service.FollowLogsAsync(started.Id!, Fast)) entries.Add(entry);

        Assert.That(entries, Is.Not.Empty);
        Assert.That(entries.Select(e => e.Timestamp), Is.Ordered);
        Assert.That((await service.ServiceApi.GetStatusAsync(started.Id!)).Status, Is.EqualTo(ServiceExecutionStatus.Succeeded));
        Assert.That(entries.Count, Is.EqualTo((await service.ServiceApi.GetLogsAsync(started.Id!)).Count), "every entry once");
    }

    [Test]
    public void A_failing_execution_raises_ServiceExecutionFailedException_with_its_last_log()
    {
        using var service = ServiceClient("echo");
        var request = new StartExecutionRequest { Input = JObject.Parse("{}") };
        request.AdditionalProperties["emulator_fail"] = "bad molecule";

        var ex = Assert.ThrowsAsync<KipuHub.ServiceExecutionFailedException>(() => service.RunAsync(request, Fast));

        Assert.That(ex!.Execution.Status, Is.EqualTo(ServiceExecutionStatus.Failed));
        Assert.That(ex.Message, Does.Contain("FAILED"));
    }
}
