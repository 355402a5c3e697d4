using System.Net;
using KipuHub.Generated.Quantum;
using KipuHub.Generated.Service;
using KipuHub.Http;
using KipuHub.Tests.Support;

namespace KipuHub.Tests.Clients;

/// <summary>The raw generated clients over the SDK pipeline, in one line.</summary>
[TestFixture]
public class HubHttpPipelineTests
{
    [Test]
    public async Task CreateQuantumHttpClient_GivesRawClientsAuthOrganizationAndBaseAddress()
    {
        var stub = new StubHandler(HttpStatusCode.OK, """{"id":"j1"}""");
        using var http = HubHttpPipeline.CreateQuantumHttpClient(new HubQuantumClientOptions { ApiKey = "raw-token", OrganizationId = "org-r", BaseUrl = new Uri("https://hub.test/quantum"), HttpMessageHandler = stub });

        var job = await new JobsClient(http).GetJobAsync("j1");

        Assert.That(http.BaseAddress, Is.EqualTo(new Uri("https://hub.test/quantum/")));
        Assert.That(http.Timeout, Is.EqualTo(Timeout.InfiniteTimeSpan), "the per-attempt timeout lives in the pipeline");
        Assert.That(job.Id, Is.EqualTo("j1"));
        Assert.That(stub.Requests.Single().Header("X-Auth-Token"), Is.EqualTo("raw-token"));
        Assert.That(stub.Requests.Single().Header("X-OrganizationId"), Is.EqualTo("org-r"));
    }

    [Test]
    public void RawClients_StillThrowTheGeneratedApiException()
    {
        var stub = new StubHandler(HttpStatusCode.NotFound, "{}");
        using var http = HubHttpPipeline.CreateQuantumHttpClient(new HubQuantumClientOptions { ApiKey = "t", BaseUrl = new Uri("https://hub.test/quantum/"), HttpMessageHandler = stub });

        Assert.ThrowsAsync<KipuHub.Generated.Quantum.QuantumApiException>(() => new JobsClient(http).GetJobAsync("j1"));
    }

    [Test]
    public async Task CreateServiceHttpClient_GivesBearer()
    {
        var stub = new StubHandler(HttpStatusCode.OK, "[]");
        using var http = HubHttpPipeline.CreateServiceHttpClient(new HubServiceClientOptions { Token = "gw", BaseUrl = new Uri(Hub.ServiceBase), HttpMessageHandler = stub });

        await new ServiceApiClient(http).GetServiceExecutionsAsync();

        Assert.That(stub.Requests.Single().Header("Authorization"), Is.EqualTo("Bearer gw"));
    }

    [Test]
    public void CreatePlatformHttpClient_UsesThePlatformUrl()
    {
        using var http = HubHttpPipeline.CreatePlatformHttpClient(new HubPlatformClientOptions { ApiKey = "t", HttpMessageHandler = new StubHandler() });

        Assert.That(http.BaseAddress, Is.EqualTo(HubEnvironment.Default.PlatformBaseUrl));
    }

    [Test]
    public void Factories_ValidateLikeTheClients()
    {
        Assert.Throws<ArgumentNullException>(() => HubHttpPipeline.CreateQuantumHttpClient(null!));
        Assert.Throws<ArgumentException>(() => HubHttpPipeline.CreateQuantumHttpClient(new HubQuantumClientOptions()));
        Assert.Throws<ArgumentException>(() => HubHttpPipeline.CreateServiceHttpClient(new HubServiceClientOptions { Token = "t" }));
    }

    [Test]
    public void SynchronousSend_IsRefused_RatherThanBypassingTheHandlers()
    {
        var stub = new StubHandler();
        using var http = HubHttpPipeline.CreateQuantumHttpClient(new HubQuantumClientOptions { ApiKey = "t", HttpMessageHandler = stub });

        Assert.Throws<NotSupportedException>(() => http.Send(new HttpRequestMessage(HttpMethod.Get, "jobs")));
        Assert.That(stub.Requests, Is.Empty);
    }
}
