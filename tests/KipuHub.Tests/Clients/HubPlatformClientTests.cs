using System.Net;
using KipuHub.Generated.Platform;
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

    [Test]
    public async Task Namespaces_CarryTokenOrganizationAndHeaders_OnEveryOperation()
    {
        var stub = new StubHandler(HttpStatusCode.OK, """{"id":"u1","username":"ada"}""");
        using var client = Hub.Platform(stub, o =>
        {
            o.OrganizationId = "org-7";
            o.Headers["X-Team"] = "catalog";
        });

        var me = await client.Users.GetMeAsync();
        await client.Organizations.GetOrganizationAsync("org-7");

        Assert.That(me.Username, Is.EqualTo("ada"));
        Assert.That(stub.Requests.Select(r => r.Uri.AbsolutePath), Is.EqualTo(new[] { "/qc-catalog/users/me", "/qc-catalog/organizations/org-7" }));
        Assert.That(stub.Requests.Select(r => r.Header("X-OrganizationId")), Is.All.EqualTo("org-7"));
        Assert.That(stub.Requests.Select(r => r.Header("X-Auth-Token")), Is.All.EqualTo("platform-token"));
        Assert.That(stub.Requests.Select(r => r.Header("X-Team")), Is.All.EqualTo("catalog"));
    }

    [Test]
    public async Task OrganizationInHeaders_LikePython_ScopesTheNamespacesToo()
    {
        var stub = new StubHandler(HttpStatusCode.OK, "[]");
        using var client = Hub.Platform(stub, o => o.Headers["X-OrganizationId"] = "org-py");

        await client.DataPools.GetDataPoolsAsync();

        Assert.That(stub.Requests.Single().Header("X-OrganizationId"), Is.EqualTo("org-py"));
    }

    [Test]
    public async Task NoOrganization_ActsForThePersonalAccount()
    {
        var stub = new StubHandler(HttpStatusCode.OK, "[]");
        using var client = Hub.Platform(stub);

        await client.Applications.GetApplicationsAsync();

        Assert.That(stub.Requests.Single().Header("X-OrganizationId"), Is.Null);
        Assert.That(client.OrganizationId, Is.Null);
    }

    [TestCase(400, typeof(BadRequestException))]
    [TestCase(401, typeof(UnauthorizedException))]
    [TestCase(403, typeof(ForbiddenException))]
    [TestCase(404, typeof(NotFoundException))]
    [TestCase(409, typeof(ConflictException))]
    [TestCase(500, typeof(InternalServerErrorException))]
    public void Errors_AreTranslatedLikeTheQuantumOnes(int status, Type expected)
    {
        var stub = new StubHandler((HttpStatusCode)status, """{"errorMessage":"pool says no"}""");
        using var client = Hub.Platform(stub, o => o.MaxRetries = 0);

        var ex = Assert.CatchAsync<HubApiException>(() => client.DataPools.CreateDataPoolAsync(new CreateDataPoolRequest { Name = "p" }));

        Assert.That(ex, Is.TypeOf(expected));
        Assert.That(ex!.StatusCode, Is.EqualTo(status));
        Assert.That(ex.Message, Does.StartWith($"Platform API call DataPools.CreateDataPoolAsync failed with {status}"));
        Assert.That(ex.Message, Does.Contain("pool says no"));
    }

    [Test]
    public void UndeclaredStatus_IsAHubApiException_WithTheServersWords()
    {
        var stub = new StubHandler((HttpStatusCode)501, """{"status":501,"error":"Not Implemented","message":"The emulator does not implement getBuildLogs yet"}""");
        using var client = Hub.Platform(stub);

        var ex = Assert.CatchAsync<HubApiException>(() => client.Services.GetBuildLogsAsync("s1", "v1"));

        Assert.That(ex, Is.TypeOf<HubApiException>());
        Assert.That(ex!.StatusCode, Is.EqualTo(501));
        Assert.That(ex.Message, Does.Contain("Services.GetBuildLogsAsync").And.Contain("getBuildLogs"));
    }

    [Test]
    public void BlankPathIds_AreRefused_BeforeAnyRequest()
    {
        var stub = new StubHandler();
        using var client = Hub.Platform(stub);

        Assert.That(() => client.DataPoolShares.DeleteDataPoolShareAsync("pool", " "), Throws.ArgumentException);
        Assert.That(stub.Requests, Is.Empty);
    }

    [Test]
    public void Namespaces_AreCreatedOnce_AndRefusedAfterDispose()
    {
        var client = Hub.Platform(new StubHandler());
        var services = client.Services;

        Assert.That(client.Services, Is.SameAs(services));
        client.Dispose();
        Assert.That(() => client.Users, Throws.TypeOf<ObjectDisposedException>());
    }
}
