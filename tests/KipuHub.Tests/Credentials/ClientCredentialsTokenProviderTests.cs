using System.Net;
using System.Text;
using KipuHub.Credentials;
using KipuHub.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KipuHub.Tests.Credentials;

[TestFixture]
public class ClientCredentialsTokenProviderTests
{
    private FakeTimeProvider _time = null!;

    [SetUp]
    public void SetUp() => _time = new FakeTimeProvider();

    [Test]
    public async Task GetTokenAsync_PostsClientCredentialsWithBasicAuthToTheGatewayTokenEndpoint()
    {
        var stub = TokenEndpoint("""{"access_token":"gw-1","expires_in":3600,"token_type":"Bearer","scope":"default"}""");
        using var provider = Provider(stub);

        var token = await provider.GetTokenAsync();

        var request = stub.Requests.Single();
        Assert.That(token, Is.EqualTo("gw-1"));
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(request.Uri, Is.EqualTo(new Uri("https://gateway.hub.kipu-quantum.com/token")));
        Assert.That(request.Body, Is.EqualTo("grant_type=client_credentials"));
        Assert.That(request.Header("Authorization"), Is.EqualTo("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("key-id:" + Canary.Secret))));
    }

    [Test]
    public async Task GetTokenAsync_IsCachedUntil120SecondsBeforeExpiry()
    {
        var count = 0;
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, $$"""{"access_token":"gw-{{++count}}","expires_in":3600}"""));
        using var provider = Provider(stub);

        Assert.That(await provider.GetTokenAsync(), Is.EqualTo("gw-1"));
        _time.Advance(TimeSpan.FromSeconds(3479));
        Assert.That(await provider.GetTokenAsync(), Is.EqualTo("gw-1"), "still fresh 121 s before expiry");
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(await provider.GetTokenAsync(), Is.EqualTo("gw-2"), "refreshed 120 s before expiry");
        Assert.That(stub.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task GetTokenAsync_ShortLivedToken_IsRefreshedAtHalfItsLife()
    {
        var count = 0;
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, $$"""{"access_token":"gw-{{++count}}","expires_in":60}"""));
        using var provider = Provider(stub);

        await provider.GetTokenAsync();
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.That(await provider.GetTokenAsync(), Is.EqualTo("gw-1"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(await provider.GetTokenAsync(), Is.EqualTo("gw-2"));
    }

    [Test]
    public async Task GetTokenAsync_ConcurrentCallers_ShareOneRefresh()
    {
        var release = new TaskCompletionSource();
        var stub = new StubHandler(async (_, _) =>
        {
            await release.Task;
            return StubHandler.Json(HttpStatusCode.OK, """{"access_token":"gw-shared","expires_in":3600}""");
        });
        using var provider = Provider(stub);

        var callers = Enumerable.Range(0, 20).Select(_ => provider.GetTokenAsync().AsTask()).ToArray();
        release.SetResult();
        var tokens = await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.That(tokens, Is.All.EqualTo("gw-shared"));
        Assert.That(stub.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void GetTokenAsync_WrongSecret_ThrowsUnauthorizedWithoutTheSecret()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Unauthorized, $$"""{"error":"invalid_client","error_description":"bad secret {{Canary.Secret}}"}"""));
        using var provider = Provider(stub);

        var ex = Assert.ThrowsAsync<UnauthorizedException>(async () => await provider.GetTokenAsync());

        Assert.That(ex!.Message, Does.Contain("access key id and secret"));
        Assert.That(ex.ToString(), Does.Not.Contain(Canary.Secret));
        Assert.That(ex.RawBody, Does.Not.Contain(Canary.Secret));
    }

    [TestCase("<html>proxy</html>", "not valid JSON")]
    [TestCase("""{"token_type":"Bearer"}""", "no access_token")]
    public void GetTokenAsync_UnusableSuccessBody_ThrowsResponseFormat(string body, string problem)
    {
        using var provider = Provider(new StubHandler(HttpStatusCode.OK, body));

        var ex = Assert.ThrowsAsync<HubResponseFormatException>(async () => await provider.GetTokenAsync());
        Assert.That(ex!.Message, Does.Contain(problem));
    }

    [Test]
    public async Task GetTokenAsync_NoExpiresIn_AssumesFiveMinutes()
    {
        var count = 0;
        using var provider = Provider(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, $$"""{"access_token":"gw-{{++count}}"}""")));

        await provider.GetTokenAsync();
        _time.Advance(TimeSpan.FromSeconds(179));
        Assert.That(await provider.GetTokenAsync(), Is.EqualTo("gw-1"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(await provider.GetTokenAsync(), Is.EqualTo("gw-2"));
    }

    [Test]
    public void GetTokenAsync_EndpointHangs_ThrowsHubTimeout()
    {
        using var provider = Provider(StubHandler.Hanging());

        var pending = provider.GetTokenAsync().AsTask();
        _time.Advance(TimeSpan.FromSeconds(30));

        var ex = Assert.ThrowsAsync<HubTimeoutException>(() => pending.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.That(ex!.Message, Does.Contain("https://gateway.hub.kipu-quantum.com/token"));
    }

    [Test]
    public async Task AsServiceClientCredential_SendsTheMintedTokenAsBearer()
    {
        using var provider = Provider(TokenEndpoint("""{"access_token":"gw-minted","expires_in":3600}"""));
        var gateway = new StubHandler(HttpStatusCode.OK, "[]");
        using var client = Hub.Service(gateway, o => { o.Token = null; o.Credential = provider; });

        await client.ServiceApi.GetServiceExecutionsAsync();

        Assert.That(gateway.Requests.Single().Header("Authorization"), Is.EqualTo("Bearer gw-minted"));
    }

    [Test]
    public void Ctor_Guards()
    {
        Assert.Throws<ArgumentException>(() => new ClientCredentialsTokenProvider("", "s"));
        Assert.Throws<ArgumentException>(() => new ClientCredentialsTokenProvider("k", " "));
        Assert.Throws<ArgumentException>(() => new ClientCredentialsTokenProvider("k", "s", new ClientCredentialsTokenProviderOptions { TokenEndpoint = new Uri("/token", UriKind.Relative) }));
    }

    private static StubHandler TokenEndpoint(string json) => new(HttpStatusCode.OK, json);

    private ClientCredentialsTokenProvider Provider(HttpMessageHandler handler) =>
        new("key-id", Canary.Secret, new ClientCredentialsTokenProviderOptions { HttpMessageHandler = handler, TimeProvider = _time });
}
