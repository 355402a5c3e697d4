using System.Text;
using KipuHub.Emulator.Tests.Support;
using KipuHub.Generated.Service;
using Newtonsoft.Json.Linq;

namespace KipuHub.Emulator.Tests.Service;

[TestFixture]
public class ServiceApiTests : EmulatorTestBase
{
    private ServiceApiClient Echo(out HttpClient http)
    {
        http = Hub.CreateServiceHttpClient("echo");
        return new ServiceApiClient(http);
    }

    [Test]
    public async Task Echo_executions_progress_log_and_return_their_input_as_a_hal_result_with_a_file()
    {
        var echo = Echo(out var http);
        using var _ = http;

        var started = await echo.StartExecutionAsync(new StartExecutionRequest { Input = new JObject { ["message"] = "hello", ["at"] = "2025-01-01T00:00:00Z" } });
        Assert.That(started.Status, Is.EqualTo(ServiceExecutionStatus.Pending));
        Assert.That(started.Type, Is.EqualTo(ServiceExecutionType.Managed));
        Advance(20);
        Assert.That((await echo.GetStatusAsync(started.Id!)).Status, Is.EqualTo(ServiceExecutionStatus.Running));
        var runningLogs = await echo.GetLogsAsync(started.Id!);
        Advance(LongEnough);

        var done = await echo.GetStatusAsync(started.Id!);
        var logs = await echo.GetLogsAsync(started.Id!);
        var result = await echo.GetResultAsync(started.Id!);
        using var file = await echo.GetResultFileAsync(started.Id!, "output.json");
        var fileText = await new StreamReader(file.Stream).ReadToEndAsync();
        var all = await echo.GetServiceExecutionsAsync();

        Assert.That(done.Status, Is.EqualTo(ServiceExecutionStatus.Succeeded));
        Assert.That(done.StartedAt, Is.Not.Null);
        Assert.That(done.EndedAt, Is.Not.Null);
        Assert.That(logs.Count, Is.GreaterThan(runningLogs.Count));
        Assert.That(logs.Select(l => l.Timestamp), Is.Ordered);
        Assert.That(logs.Last().Message, Does.Contain("succeeded"));
        Assert.That(result.Links!.Keys, Is.EquivalentTo(new[] { "self", "status", "output.json" }));
        Assert.That(result.Links["output.json"].Href, Does.EndWith($"/gateway/kipu-demo/echo/1.0.0/{started.Id}/result/output.json"));
        Assert.That(result.Embedded!.Status!.Status, Is.EqualTo(ServiceExecutionStatus.Succeeded));
        Assert.That(((JObject)result.AdditionalProperties["result"]).Value<string>("message"), Is.EqualTo("hello"));
        Assert.That(fileText, Does.Contain("\"at\": \"2025-01-01T00:00:00Z\""), "echoed as sent: the emulator keeps date strings as they are");
        Assert.That(all.Select(e => e.Id), Does.Contain(started.Id));
    }

    [Test]
    public async Task The_bell_sampler_runs_a_quantum_job_and_returns_only_00_and_11()
    {
        using var http = Hub.CreateServiceHttpClient("bell-sampler");
        var sampler = new ServiceApiClient(http);

        var started = await sampler.StartExecutionAsync(new StartExecutionRequest { Input = new JObject { ["shots"] = 2000 } });
        Advance(LongEnough);
        var result = await sampler.GetResultAsync(started.Id!);
        using var csv = await sampler.GetResultFileAsync(started.Id!, "counts.csv");
        var csvText = await new StreamReader(csv.Stream, Encoding.UTF8).ReadToEndAsync();
        var counts = (JObject)((JObject)result.AdditionalProperties["result"])["counts"]!;
        var logs = await sampler.GetLogsAsync(started.Id!);

        Assert.That(counts.Properties().Select(p => p.Name), Is.SubsetOf(new[] { "00", "11" }));
        Assert.That(Json.Total(counts), Is.EqualTo(2000));
        Assert.That(result.Links!.Keys, Is.SupersetOf(new[] { "result.json", "counts.csv" }));
        Assert.That(csvText, Does.StartWith("bitstring,count\n"));
        Assert.That(logs.Select(l => l.Message), Has.Some.Contains("Submitted Bell circuit as job"));
    }

    [Test]
    public async Task Executions_can_be_cancelled_and_ended_ones_stay_as_they_are()
    {
        var echo = Echo(out var http);
        using var _ = http;
        var running = await echo.StartExecutionAsync(new StartExecutionRequest { Input = new JObject() });
        Advance(30);

        var cancelled = await echo.CancelExecutionAsync(running.Id!);
        Advance(LongEnough);
        var later = await echo.GetStatusAsync(running.Id!);
        var logs = await echo.GetLogsAsync(running.Id!);
        var finished = await echo.StartExecutionAsync(new StartExecutionRequest { Input = new JObject() });
        Advance(LongEnough);
        var unchanged = await echo.CancelExecutionAsync(finished.Id!);

        Assert.That(cancelled.Status, Is.EqualTo(ServiceExecutionStatus.Cancelled));
        Assert.That(later.Status, Is.EqualTo(ServiceExecutionStatus.Cancelled));
        Assert.That(logs.Last().Severity, Is.EqualTo(LogSeverity.Warning));
        Assert.That(unchanged.Status, Is.EqualTo(ServiceExecutionStatus.Succeeded));
        Api.ServiceFailsWith(404, () => echo.GetResultAsync(running.Id!));
    }

    [Test]
    public async Task Failed_executions_explain_why_and_unfinished_ones_have_no_result()
    {
        var echo = Echo(out var http);
        using var _ = http;
        var request = new StartExecutionRequest { Input = new JObject() };
        request.AdditionalProperties["emulator_fail"] = "input rejected by the solver";
        var failing = await echo.StartExecutionAsync(request);
        var pending = await echo.StartExecutionAsync(new StartExecutionRequest { Input = new JObject() });
        Api.ServiceFailsWith(404, () => echo.GetResultAsync(pending.Id!));
        Api.ServiceFailsWith(404, () => echo.GetResultFileAsync(pending.Id!, "output.json"));
        Advance(LongEnough);

        var failed = await echo.GetResultAsync(failing.Id!);
        var missingFile = Api.ServiceFailsWith(404, () => echo.GetResultFileAsync(pending.Id!, "nope.txt"));

        Assert.That(failed.Embedded!.Status!.Status, Is.EqualTo(ServiceExecutionStatus.Failed));
        Assert.That(((JObject)failed.AdditionalProperties["error"]).Value<string>("message"), Is.EqualTo("input rejected by the solver"));
        Assert.That(missingFile.Value<string>("message"), Does.Contain("output.json"));
    }

    [Test]
    public void Unknown_services_executions_and_bad_inputs_are_rejected()
    {
        using var nowhere = new HttpClient { BaseAddress = new Uri(Hub.BaseUrl, "gateway/kipu-demo/nope/1.0.0/") };
        nowhere.DefaultRequestHeaders.Authorization = new("Bearer", Hub.ServiceToken);
        var echo = Echo(out var http);
        using var _ = http;
        using var samplerHttp = Hub.CreateServiceHttpClient("bell-sampler");
        var sampler = new ServiceApiClient(samplerHttp);

        var unknownService = Api.ServiceFailsWith(404, () => new ServiceApiClient(nowhere).GetServiceExecutionsAsync());
        Api.ServiceFailsWith(404, () => echo.GetStatusAsync("nope"));
        Api.ServiceFailsWith(404, () => echo.GetLogsAsync("nope"));
        Api.ServiceFailsWith(404, () => echo.CancelExecutionAsync("nope"));
        var badShots = Api.ServiceFailsWith(400, () => sampler.StartExecutionAsync(new StartExecutionRequest { Input = new JObject { ["shots"] = 0 } }));

        Assert.That(unknownService.Value<string>("message"), Does.Contain("/gateway/kipu-demo/echo/1.0.0/"));
        Assert.That(badShots.Value<string>("message"), Does.Contain("shots"));
        Assert.Throws<ArgumentException>(() => Hub.GetServiceBaseUrl("nope"));
    }
}
