using System.Net;
using KipuHub.Generated.Service;
using KipuHub.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KipuHub.Tests.Clients;

[TestFixture]
public class HubPlatformClientTests
{
    [Test]
    public void Defaults_ToThePlatformUrl()
    {
        using var client = new HubPlatformClient("t");

        Assert.That(client.BaseUrl, Is.EqualTo(new Uri("https://api.hub.kipu-quantum.com/qc-catalog/")));
    }

    [Test]
    public void Environment_GivesItsPlatformUrl()
    {
        var env = new HubEnvironment(new Uri("https://s.test/quantum"), new Uri("https://s.test/catalog"));
        using var client = new HubPlatformClient(new HubPlatformClientOptions { ApiKey = "t", Environment = env });

        Assert.That(client.BaseUrl, Is.EqualTo(new Uri("https://s.test/catalog/")));
    }

    [Test]
    public void NoToken_FailsAtConstruction() =>
        Assert.That(() => new HubPlatformClient(new HubPlatformClientOptions()), Throws.ArgumentException.With.Message.StartsWith("Please provide 'ApiKey' or 'Credential' in HubPlatformClientOptions"));

    [Test]
    public async Task SendAsync_CarriesTokenAndOrganizationHeaderLikeThePythonHeadersOption()
    {
        var stub = new StubHandler(HttpStatusCode.OK, """{"id":"me"}""");
        using var client = Hub.Platform(stub, o => o.Headers["X-OrganizationId"] = "org-h");

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "users/me"));

        var request = stub.Requests.Single();
        Assert.That(request.Uri, Is.EqualTo(new Uri(Hub.PlatformBase + "users/me")));
        Assert.That(request.Header("X-Auth-Token"), Is.EqualTo("platform-token"));
        Assert.That(request.Header("X-OrganizationId"), Is.EqualTo("org-h"));
    }

    [Test]
    public async Task OrganizationId_IsSent()
    {
        var stub = new StubHandler();
        using var client = Hub.Platform(stub, o => o.OrganizationId = "org-o");

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "services"));

        Assert.That(stub.Requests.Single().Header("X-OrganizationId"), Is.EqualTo("org-o"));
        Assert.That(client.OrganizationId, Is.EqualTo("org-o"));
    }
}
