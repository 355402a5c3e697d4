using KipuHub.Credentials;
using KipuHub.Http;
using KipuHub.Tests.Support;
using Moq;

namespace KipuHub.Tests.Http;

[TestFixture]
public class ApiKeyAuthHandlerTests
{
    private static readonly Uri Base = new("https://hub.test/quantum/");

    [Test]
    public async Task SendAsync_ConfiguredHost_SendsTokenAsXAuthToken()
    {
        var stub = new StubHandler();
        using var invoker = Pipeline.Over(stub, new ApiKeyAuthHandler(new StaticCredential("tok-123"), Base));

        await invoker.SendAsync(HttpMethod.Get, "https://hub.test/quantum/jobs");

        Assert.That(stub.Requests.Single().Header("X-Auth-Token"), Is.EqualTo("tok-123"));
        Assert.That(stub.Requests.Single().Header("Authorization"), Is.Null);
    }

    [TestCase("https://evil.test/quantum/jobs", TestName = "SendAsync_OtherHost_SendsNoToken")]
    [TestCase("http://hub.test/quantum/jobs", TestName = "SendAsync_OtherScheme_SendsNoToken")]
    [TestCase("https://hub.test:8443/quantum/jobs", TestName = "SendAsync_OtherPort_SendsNoToken")]
    public async Task SendAsync_ForeignAuthority_SendsNoToken(string uri)
    {
        var stub = new StubHandler();
        using var invoker = Pipeline.Over(stub, new ApiKeyAuthHandler(new StaticCredential("tok-123"), Base));

        await invoker.SendAsync(HttpMethod.Get, uri);

        Assert.That(stub.Requests.Single().Header("X-Auth-Token"), Is.Null);
    }

    [Test]
    public async Task SendAsync_HostDiffersOnlyInCase_SendsToken()
    {
        var stub = new StubHandler();
        using var invoker = Pipeline.Over(stub, new ApiKeyAuthHandler(new StaticCredential("tok-123"), Base));

        await invoker.SendAsync(HttpMethod.Get, "https://HUB.test/quantum/jobs");

        Assert.That(stub.Requests.Single().Header("X-Auth-Token"), Is.EqualTo("tok-123"));
    }

    [Test]
    public async Task SendAsync_AsksTheCredentialOnEveryRequest_SoRotatedTokensArePickedUp()
    {
        var credential = new Mock<IHubCredential>();
        credential.SetupSequence(c => c.GetTokenAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync("first-token")
            .ReturnsAsync("second-token");
        var stub = new StubHandler();
        using var invoker = Pipeline.Over(stub, new ApiKeyAuthHandler(credential.Object, Base));

        await invoker.SendAsync(HttpMethod.Get, "https://hub.test/quantum/a");
        await invoker.SendAsync(HttpMethod.Get, "https://hub.test/quantum/b");

        Assert.That(stub.Requests.Select(r => r.Header("X-Auth-Token")), Is.EqualTo(new[] { "first-token", "second-token" }));
    }

    [Test]
    public async Task SendAsync_RequestAlreadyHasStaleToken_ReplacesIt()
    {
        var stub = new StubHandler();
        using var invoker = Pipeline.Over(stub, new ApiKeyAuthHandler(new StaticCredential("fresh-token"), Base));
        var request = new HttpRequestMessage(HttpMethod.Get, "https://hub.test/quantum/jobs");
        request.Headers.TryAddWithoutValidation("X-Auth-Token", "stale-token");

        await invoker.SendAsync(request, CancellationToken.None);

        Assert.That(stub.Requests.Single().Header("X-Auth-Token"), Is.EqualTo("fresh-token"));
    }

    [Test]
    public void SendAsync_CredentialReturnsEmptyToken_ThrowsCredentialUnavailable()
    {
        var credential = new Mock<IHubCredential>();
        credential.Setup(c => c.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync("  ");
        using var invoker = Pipeline.Over(new StubHandler(), new ApiKeyAuthHandler(credential.Object, Base));

        Assert.ThrowsAsync<CredentialUnavailableException>(() => invoker.SendAsync(HttpMethod.Get, "https://hub.test/quantum/jobs"));
    }

    [Test]
    public void Ctor_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new ApiKeyAuthHandler(null!, Base));
        Assert.Throws<ArgumentNullException>(() => new ApiKeyAuthHandler(new StaticCredential("t"), null!));
        Assert.Throws<ArgumentException>(() => new ApiKeyAuthHandler(new StaticCredential("t"), new Uri("quantum/", UriKind.Relative)));
        Assert.Throws<ArgumentException>(() => new ApiKeyAuthHandler(new StaticCredential("t"), new Uri("ftp://hub.test/")));
    }
}

[TestFixture]
public class BearerTokenHandlerTests
{
    private static readonly Uri Base = new("https://gateway.test/acme/echo/1.0.0/");

    [Test]
    public async Task SendAsync_StaticCredential_SendsBearerHeader()
    {
        var stub = new StubHandler();
        using var invoker = Pipeline.Over(stub, new BearerTokenHandler(new StaticCredential("gw-token"), Base));

        await invoker.SendAsync(HttpMethod.Get, "https://gateway.test/acme/echo/1.0.0/abc");

        Assert.That(stub.Requests.Single().Header("Authorization"), Is.EqualTo("Bearer gw-token"));
        Assert.That(stub.Requests.Single().Header("X-Auth-Token"), Is.Null);
    }

    [Test]
    public async Task SendAsync_TokenProvider_IsCalledForEveryRequestWithTheCallersToken()
    {
        var calls = 0;
        using var cts = new CancellationTokenSource();
        CancellationToken seen = default;
        var stub = new StubHandler();
        using var invoker = Pipeline.Over(stub, new BearerTokenHandler(ct => { seen = ct; return ValueTask.FromResult($"token-{++calls}"); }, Base));

        await invoker.SendAsync(HttpMethod.Get, "https://gateway.test/acme/echo/1.0.0/a", cts.Token);
        await invoker.SendAsync(HttpMethod.Get, "https://gateway.test/acme/echo/1.0.0/b", cts.Token);

        Assert.That(stub.Requests.Select(r => r.Header("Authorization")), Is.EqualTo(new[] { "Bearer token-1", "Bearer token-2" }));
        Assert.That(seen, Is.EqualTo(cts.Token));
    }

    [Test]
    public async Task SendAsync_OtherHost_SendsNoBearer()
    {
        var stub = new StubHandler();
        using var invoker = Pipeline.Over(stub, new BearerTokenHandler(new StaticCredential("gw-token"), Base));

        await invoker.SendAsync(HttpMethod.Get, "https://elsewhere.test/x");

        Assert.That(stub.Requests.Single().Header("Authorization"), Is.Null);
    }

    [Test]
    public void SendAsync_ProviderReturnsEmpty_ThrowsCredentialUnavailable()
    {
        using var invoker = Pipeline.Over(new StubHandler(), new BearerTokenHandler(_ => ValueTask.FromResult(""), Base));

        var ex = Assert.ThrowsAsync<CredentialUnavailableException>(() => invoker.SendAsync(HttpMethod.Get, "https://gateway.test/acme/echo/1.0.0/x"));
        Assert.That(ex!.Message, Does.Contain("token provider"));
    }
}
