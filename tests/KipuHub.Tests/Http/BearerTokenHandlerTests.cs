using KipuHub.Credentials;
using KipuHub.Http;
using KipuHub.Tests.Support;
using Moq;

namespace KipuHub.Tests.Http;

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
