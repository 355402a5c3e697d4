using System.Net;
using KipuHub.Generated.Service;
using KipuHub.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KipuHub.Tests.Clients;

[TestFixture]
public class HubServiceClientTests
{
    [Test]
    public void NoBaseUrl_FailsAtConstructionSayingWhatToPass()
    {
        var ex = Assert.Throws<ArgumentException>(() => new HubServiceClient(new HubServiceClientOptions { Token = "t" }));

        Assert.That(ex!.Message, Does.StartWith("Please provide 'BaseUrl' in HubServiceClientOptions"));
        Assert.That(ex.Message, Does.Contain("https://gateway.hub.kipu-quantum.com/<context>/<service>/<version>"));
    }

    [Test]
    public void NoToken_FailsAtConstructionSayingWhatToPass()
    {
        var ex = Assert.Throws<ArgumentException>(() => new HubServiceClient(new HubServiceClientOptions { BaseUrl = new Uri(Hub.ServiceBase) }));

        Assert.That(ex!.Message, Does.StartWith("Please provide 'Token', 'TokenProvider' or 'Credential' in HubServiceClientOptions"));
        Assert.That(ex.Message, Does.Contain("ClientCredentialsTokenProvider"));
    }

    [Test]
    public void TwoTokenSources_AreRefused() =>
        Assert.That(
            () => new HubServiceClient(new HubServiceClientOptions { BaseUrl = new Uri(Hub.ServiceBase), Token = "t", TokenProvider = _ => ValueTask.FromResult("u") }),
            Throws.ArgumentException.With.Message.Contains("only one of Token, TokenProvider and Credential"));

    [Test]
    public void BaseUrl_GetsATrailingSlash()
    {
        using var client = new HubServiceClient(new Uri("https://gateway.test/acme/echo/1.0.0"), "t");

        Assert.That(client.BaseUrl, Is.EqualTo(new Uri("https://gateway.test/acme/echo/1.0.0/")));
    }

    [Test]
    public async Task ServiceApi_SendsBearerToTheGatewayPaths()
    {
        var stub = new StubHandler(HttpStatusCode.OK, """{"id":"e1","status":"RUNNING"}""");
        using var client = Hub.Service(stub);

        var execution = await client.ServiceApi.GetStatusAsync("e1");

        var request = stub.Requests.Single();
        Assert.That(execution.Id, Is.EqualTo("e1"));
        Assert.That(request.Uri, Is.EqualTo(new Uri(Hub.ServiceBase + "e1")));
        Assert.That(request.Header("Authorization"), Is.EqualTo("Bearer gateway-token"));
        Assert.That(request.Header("X-Auth-Token"), Is.Null);
        Assert.That(request.Header("X-OrganizationId"), Is.Null);
    }

    [Test]
    public async Task TokenProvider_IsCalledForEveryRequest()
    {
        var calls = 0;
        var stub = new StubHandler(HttpStatusCode.OK, "[]");
        using var client = Hub.Service(stub, o => { o.Token = null; o.TokenProvider = _ => ValueTask.FromResult($"fresh-{++calls}"); });

        await client.ServiceApi.GetServiceExecutionsAsync();
        await client.ServiceApi.GetServiceExecutionsAsync();

        Assert.That(stub.Requests.Select(r => r.Header("Authorization")), Is.EqualTo(new[] { "Bearer fresh-1", "Bearer fresh-2" }));
    }

    [Test]
    public void StartExecution_IsNotRetried()
    {
        var stub = new StubHandler(HttpStatusCode.BadGateway, "{}");
        using var client = Hub.Service(stub, o => o.TimeProvider = new FakeTimeProvider());

        var ex = Assert.ThrowsAsync<HubApiException>(() => client.ServiceApi.StartExecutionAsync(new StartExecutionRequest { Input = new { molecule = "H2" } }));

        Assert.That(ex!.StatusCode, Is.EqualTo(502));
        Assert.That(stub.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void ServiceApi_IsCreatedOnce()
    {
        using var client = Hub.Service(new StubHandler());

        Assert.That(client.ServiceApi, Is.SameAs(client.ServiceApi));
    }
}
