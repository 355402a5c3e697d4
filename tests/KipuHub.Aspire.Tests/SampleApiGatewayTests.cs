extern alias webapi;

using KipuHub.Aspire.Tests.Support;
using KipuHub.Emulator;
using KipuHub.Generated.Service;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using WebApiProgram = webapi::Program;

namespace KipuHub.Aspire.Tests;

/// <summary>
/// The sample Web API as the AppHost starts it (a connection string, so <c>AddKipuHubClient</c>), with a gateway named
/// by a relative URL: its service client calls the emulator's gateway with the connection string's service token.
/// </summary>
[TestFixture]
public sealed class SampleApiGatewayTests
{
    private const string Token = "gateway-test-token-0123456789abcdef";

    [Test]
    public async Task AServiceClientResolvedInTheApiCallsTheEmulatorsGateway()
    {
        await using var emulator = await OneTokenEmulator.StartAsync(Token);
        var connectionString = OneTokenEmulator.ConnectionString(emulator, Token);
        await using var app = new WebApplicationFactory<WebApiProgram>().WithWebHostBuilder(b => b
            .UseSetting("ConnectionStrings:kipuhub", connectionString)
            .UseSetting("KipuHub:ServiceGateways:bell_sampler:BaseUrl", "kipu-demo/bell-sampler/1.0.0/"));
        using var http = app.CreateClient();
        Assert.That(await http.GetStringAsync(new Uri("/health", UriKind.Relative)), Is.EqualTo("Healthy"));

        var bell = app.Services.GetRequiredKeyedService<IHubServiceClient>("bell_sampler");
        var execution = await bell.ServiceApi.StartExecutionAsync(new StartExecutionRequest { Input = new { shots = 10 } });

        Assert.That(bell.BaseUrl, Is.EqualTo(emulator.GetServiceBaseUrl("bell-sampler")));
        Assert.That(execution.Id, Is.Not.Null.And.Not.Empty);
        Assert.That(emulator.Requests.CountOf("POST", "/gateway/kipu-demo/bell-sampler/1.0.0"), Is.EqualTo(1));
    }
}
