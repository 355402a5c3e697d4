using KipuHub.Emulator.Tests.Support;
using KipuHub.Generated.Platform;
using Newtonsoft.Json.Linq;
using ServiceGenerated = KipuHub.Generated.Service;

namespace KipuHub.Emulator.Tests.Platform;

[TestFixture]
public class ServiceExecutionsTests : EmulatorTestBase
{
    [Test]
    public async Task ExecutionsStartedThroughTheGateway_ShowUpInThePlatform()
    {
        using var gateway = Hub.CreateServiceHttpClient("echo");
        var started = await new ServiceGenerated.ServiceApiClient(gateway).StartExecutionAsync(new ServiceGenerated.StartExecutionRequest { Input = new JObject { ["hello"] = "platform" } });
        using var http = Hub.CreatePlatformHttpClient();
        var executions = new ServiceExecutionsClient(http);

        var pending = await executions.GetServiceExecutionAsync(started.Id!);
        Advance(LongEnough);
        var listed = await executions.ListServiceExecutionsAsync(serviceId: "6f1c2a7e-0b1d-4c55-9d1e-ec4000000001", status: PlatformServiceExecutionStatus.Succeeded);
        var result = (JObject)(await executions.GetServiceExecutionResultAsync(started.Id!))!;
        var input = (JObject)(await executions.GetServiceExecutionInputAsync(started.Id!))!;
        var logs = await executions.GetServiceExecutionLogsAsync(started.Id!);

        Assert.That(pending.Status, Is.EqualTo(PlatformServiceExecutionStatus.Pending));
        Assert.That(listed.Content!.Select(e => e.Id), Does.Contain(started.Id));
        Assert.That(input.Value<string>("hello"), Is.EqualTo("platform"));
        Assert.That(result.ToString(), Does.Contain("platform"));
        Assert.That(logs.Last().Message, Is.EqualTo("Execution succeeded."));
    }

    [Test]
    public async Task Executions_BelongToTheDefaultUsersPersonalContext_AndCanBeCancelled()
    {
        using var gateway = Hub.CreateServiceHttpClient("echo");
        var started = await new ServiceGenerated.ServiceApiClient(gateway).StartExecutionAsync(new ServiceGenerated.StartExecutionRequest { Input = new JObject() });
        using var org = Hub.CreatePlatformHttpClient("org-acme");
        using var personal = Hub.CreatePlatformHttpClient();

        Api.PlatformFailsWith(404, () => new ServiceExecutionsClient(org).GetServiceExecutionAsync(started.Id!));
        Assert.That((await new ServiceExecutionsClient(org).ListServiceExecutionsAsync()).TotalElements, Is.Zero);
        var cancelled = await new ServiceExecutionsClient(personal).CancelServiceExecutionAsync(started.Id!);
        Assert.That(cancelled.Status, Is.EqualTo(PlatformServiceExecutionStatus.Cancelled));
        Api.PlatformFailsWith(404, () => new ServiceExecutionsClient(personal).GetServiceExecutionResultAsync(started.Id!));
    }
}
