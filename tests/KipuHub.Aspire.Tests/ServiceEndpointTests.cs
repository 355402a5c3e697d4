using KipuHub.Aspire.Tests.Support;
using KipuHub.Emulator;
using KipuHub.Extensions.DependencyInjection;
using KipuHub.Generated.Service;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KipuHub.Aspire.Tests;

/// <summary>The connection string's <c>ServiceEndpoint</c> and <c>ServiceToken</c> reach the service gateways.</summary>
[TestFixture]
public sealed class ServiceEndpointTests
{
    private const string Token = "one-token-for-every-api-0123456789";

    [Test]
    public async Task AGatewayWithARelativeUrlCallsTheEmulatorsGatewayWithTheServiceToken()
    {
        // What the emulator tool does with KIPUHUB_EMULATOR_TOKEN: one token on every API.
        await using var emulator = await OneTokenEmulator.StartAsync(Token);
        var builder = Builder(
            ("ConnectionStrings:kipuhub", OneTokenEmulator.ConnectionString(emulator, Token)),
            ("KipuHub:ServiceGateways:echo:BaseUrl", "kipu-demo/echo/1.0.0/"));
        builder.AddKipuHubClient("kipuhub");
        using var host = builder.Build();

        var echo = host.Services.GetRequiredKeyedService<IHubServiceClient>("echo");
        var execution = await echo.ServiceApi.StartExecutionAsync(new StartExecutionRequest { Input = new { hello = "world" } });

        Assert.That(echo.BaseUrl, Is.EqualTo(emulator.GetServiceBaseUrl("echo")));
        Assert.That(execution.Id, Is.Not.Null.And.Not.Empty);
        Assert.That(emulator.Requests.CountOf("POST", "/gateway/kipu-demo/echo/1.0.0"), Is.EqualTo(1));
    }

    [Test]
    public void TheRealHubsGatewayRootResolvesRelativeUrlsAndKeepsTheGatewaysOwnKeys()
    {
        var builder = Builder(
            ("ConnectionStrings:kipuhub", "Endpoint=https://api.hub.kipu-quantum.com/quantum/;PlatformEndpoint=https://api.hub.kipu-quantum.com/qc-catalog/;ServiceEndpoint=https://gateway.hub.kipu-quantum.com;Token=pat-123"),
            ("KipuHub:ServiceGateways:vqe:BaseUrl", "/kipu-quantum/vqe/1.0.0/"),
            ("KipuHub:ServiceGateways:vqe:AccessKeyId", "key-id"),
            ("KipuHub:ServiceGateways:vqe:SecretAccessKey", "key-secret"));
        builder.AddKipuHubClient("kipuhub");
        using var host = builder.Build();

        var vqe = Gateway(host, "vqe");
        Assert.That(vqe.BaseUrl, Is.EqualTo(new Uri("https://gateway.hub.kipu-quantum.com/kipu-quantum/vqe/1.0.0/")));
        Assert.That(vqe.Token, Is.Null, "the personal access token is not a gateway token");
        Assert.That(vqe.AccessKeyId, Is.EqualTo("key-id"));
    }

    [Test]
    public void AnAbsoluteGatewayUrlIsLeftAloneAndNeverGetsTheConnectionStringsToken()
    {
        var builder = Builder(
            ("ConnectionStrings:kipuhub", $"Endpoint=http://127.0.0.1:7001/quantum/;PlatformEndpoint=http://127.0.0.1:7001/qc-catalog/;ServiceEndpoint=http://127.0.0.1:7001/gateway/;Token={Token};ServiceToken={Token}"),
            ("KipuHub:ServiceGateways:other:BaseUrl", "https://elsewhere.example/svc/1.0.0/"),
            ("KipuHub:ServiceGateways:other:Token", "its-own-token"));
        builder.AddKipuHubClient("kipuhub").AddServiceGateway("later", o => o.BaseUrl = new Uri("echo/", UriKind.Relative));
        using var host = builder.Build();

        var other = Gateway(host, "other");
        Assert.That(other.BaseUrl, Is.EqualTo(new Uri("https://elsewhere.example/svc/1.0.0/")));
        Assert.That(other.Token, Is.EqualTo("its-own-token"));
        var later = Gateway(host, "later");
        Assert.That(later.BaseUrl, Is.EqualTo(new Uri("http://127.0.0.1:7001/gateway/echo/")), "a gateway added in code after AddKipuHubClient is resolved too");
        Assert.That(later.Token, Is.EqualTo(Token));
    }

    private static KipuHubServiceGatewayOptions Gateway(IHost host, string name) =>
        host.Services.GetRequiredService<IOptionsMonitor<KipuHubServiceGatewayOptions>>().Get(name);

    private static HostApplicationBuilder Builder(params (string Key, string? Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return builder;
    }
}
