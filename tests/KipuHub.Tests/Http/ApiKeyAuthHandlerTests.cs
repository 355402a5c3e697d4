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
