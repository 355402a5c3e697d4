using System.Net;
using KipuHub.Credentials;
using KipuHub.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KipuHub.Tests.Credentials;

/// <summary>
/// Issue 12 #13: when the gateway answers 401 to a token minted by <see cref="ClientCredentialsTokenProvider"/>, the
/// token is refreshed once and the request replayed once; a second 401 is an <see cref="UnauthorizedException"/>.
/// </summary>
[TestFixture]
public class UnauthorizedRefreshTests
{
    private readonly FakeTimeProvider _time = new();
    private int _minted;
    private StubHandler _tokenEndpoint = null!;
    private ClientCredentialsTokenProvider _provider = null!;

    [SetUp]
    public void SetUp()
    {
        _minted = 0;
        // A fresh token on every call, valid for an hour: only an invalidation makes the provider ask again.
        _tokenEndpoint = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, $$"""{"access_token":"gw-{{Interlocked.Increment(ref _minted)}}","expires_in":3600}"""));
        _provider = new ClientCredentialsTokenProvider("key-id", Canary.Secret, new ClientCredentialsTokenProviderOptions { HttpMessageHandler = _tokenEndpoint, TimeProvider = _time });
    }

    [TearDown]
    public void TearDown() => _provider.Dispose();

    [Test]
    public async Task A_401_refreshes_the_token_once_and_replays_the_request_once()
    {
        var gateway = Gateway(rejected: "Bearer gw-1");
        using var client = Client(gateway);

        await client.ServiceApi.GetServiceExecutionsAsync();

        Assert.That(gateway.Requests.Select(r => r.Header("Authorization")), Is.EqualTo(new[] { "Bearer gw-1", "Bearer gw-2" }));
        Assert.That(_tokenEndpoint.Requests, Has.Count.EqualTo(2));

        await client.ServiceApi.GetServiceExecutionsAsync();
        Assert.That(gateway.Requests.Last().Header("Authorization"), Is.EqualTo("Bearer gw-2"), "the new token is cached");
        Assert.That(_tokenEndpoint.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_second_401_is_UnauthorizedException_after_exactly_one_replay()
    {
        var gateway = new StubHandler(HttpStatusCode.Unauthorized, """{"message":"invalid token"}""");
        using var client = Client(gateway);

        Assert.ThrowsAsync<UnauthorizedException>(() => client.ServiceApi.GetServiceExecutionsAsync());

        Assert.That(gateway.Requests.Select(r => r.Header("Authorization")), Is.EqualTo(new[] { "Bearer gw-1", "Bearer gw-2" }));
        Assert.That(_tokenEndpoint.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_POST_with_a_buffered_body_is_replayed_with_the_same_body()
    {
        var gateway = Gateway(rejected: "Bearer gw-1");
        using var client = Client(gateway);

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "") { Content = new StringContent("""{"data":{"n":1}}""") });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(gateway.Requests.Select(r => r.Body), Is.EqualTo(new[] { """{"data":{"n":1}}""", """{"data":{"n":1}}""" }));
    }

    [Test]
    public async Task A_streamed_body_is_not_replayed_but_the_next_request_gets_a_new_token()
    {
        var gateway = Gateway(rejected: "Bearer gw-1");
        using var client = Client(gateway);

        using var rejected = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "") { Content = new StreamContent(new MemoryStream([1, 2, 3])) });

        Assert.That(rejected.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a stream cannot be sent twice: the caller gets the 401");
        Assert.That(gateway.Requests, Has.Count.EqualTo(1));
        await client.ServiceApi.GetServiceExecutionsAsync();
        Assert.That(gateway.Requests.Last().Header("Authorization"), Is.EqualTo("Bearer gw-2"));
    }

    [Test]
    public async Task Concurrent_401s_for_the_same_token_share_one_refresh()
    {
        const int Callers = 8;
        var arrived = 0;
        var allRejected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gateway = new StubHandler(async (request, _) =>
        {
            if (request.Headers.Authorization?.Parameter != "gw-1")
            {
                return StubHandler.Json(HttpStatusCode.OK, "[]");
            }

            // Every caller is rejected only once all of them have sent the old token.
            if (Interlocked.Increment(ref arrived) == Callers) allRejected.SetResult();
            await allRejected.Task;
            return StubHandler.Json(HttpStatusCode.Unauthorized, "{}");
        });
        using var client = Client(gateway);
        await _provider.GetTokenAsync();

        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => client.ServiceApi.GetServiceExecutionsAsync()));

        Assert.That(_tokenEndpoint.Requests, Has.Count.EqualTo(2), "gw-1, then one refresh for all eight");
        Assert.That(gateway.Requests.Count(r => r.Header("Authorization") == "Bearer gw-2"), Is.EqualTo(Callers));
    }

    [Test]
    public void A_static_token_is_not_replayed()
    {
        var gateway = new StubHandler(HttpStatusCode.Unauthorized, "{}");
        using var client = Hub.Service(gateway);

        Assert.ThrowsAsync<UnauthorizedException>(() => client.ServiceApi.GetServiceExecutionsAsync());

        Assert.That(gateway.Requests, Has.Count.EqualTo(1));
    }

    private HubServiceClient Client(StubHandler gateway) => Hub.Service(gateway, o => { o.Token = null; o.Credential = _provider; });

    private static StubHandler Gateway(string rejected) => new(request =>
        request.Headers.Authorization?.ToString() == rejected
            ? StubHandler.Json(HttpStatusCode.Unauthorized, """{"message":"token expired"}""")
            : StubHandler.Json(HttpStatusCode.OK, "[]"));
}
