using System.Net;
using KipuHub.Credentials;
using KipuHub.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace KipuHub.Tests.Errors;

/// <summary>
/// A canary token must appear in no log line, exception message or ToString(), even when the server echoes it back
/// in an error body or header.
/// </summary>
[TestFixture]
public class RedactionTests
{
    [Test]
    public void ServerEchoingTheApiKey_ExceptionAndLogsNeverContainIt()
    {
        var logs = new TestLoggerFactory();
        using var mock = new MockHttpMessageHandler();
        mock.When(Hub.QuantumBase + "jobs/j1").Respond(
            HttpStatusCode.Unauthorized,
            [new KeyValuePair<string, string>("X-Echo", Canary.Token)],
            "application/json",
            $$"""{"message": "token {{Canary.Token}} is revoked", "token": "{{Canary.Token}}"}""");
        using var client = Hub.Quantum(mock, o => { o.ApiKey = Canary.Token; o.LoggerFactory = logs; });

        var ex = Assert.ThrowsAsync<UnauthorizedException>(() => client.Jobs.GetJobAsync("j1"));

        Assert.That(ex!.Message, Does.Contain("token *** is revoked"));
        AssertClean(ex);
        Assert.That(logs.Lines, Is.Not.Empty);
        Assert.That(logs.AllText, Does.Not.Contain(Canary.Token));
    }

    [Test]
    public void ServiceTokenEchoed_IsRedacted()
    {
        using var mock = new MockHttpMessageHandler();
        mock.When(Hub.ServiceBase + "e1").Respond(HttpStatusCode.Forbidden, "text/plain", $"Bearer {Canary.Token} not subscribed");
        using var client = Hub.Service(mock, o => { o.Token = null; o.TokenProvider = _ => ValueTask.FromResult(Canary.Token); });

        var ex = Assert.ThrowsAsync<ForbiddenException>(() => client.ServiceApi.GetStatusAsync("e1"));

        AssertClean(ex!);
    }

    [Test]
    public async Task FullFlowWithRetriesRedirectsAndFailures_LogsNoToken()
    {
        var logs = new TestLoggerFactory();
        var time = new FakeTimeProvider();
        var calls = 0;
        var stub = new StubHandler(request =>
        {
            calls++;
            if (request.RequestUri!.AbsolutePath.EndsWith("/moved"))
            {
                var redirect = new HttpResponseMessage(HttpStatusCode.Found);
                redirect.Headers.Location = new Uri("https://elsewhere.test/x");
                return redirect;
            }

            return calls == 1 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : StubHandler.Json(HttpStatusCode.OK, "[]");
        });
        using var client = Hub.Quantum(stub, o => { o.ApiKey = Canary.Token; o.OrganizationId = "org-1"; o.LoggerFactory = logs; o.TimeProvider = time; });

        var pending = client.Backends.GetBackendsAsync();
        time.Advance(TimeSpan.FromSeconds(1));
        await pending.WaitAsync(TimeSpan.FromSeconds(5));
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "moved")).WaitAsync(TimeSpan.FromSeconds(5))).Dispose();

        Assert.That(logs.Lines.Select(l => l.EventId), Is.SupersetOf(new[] { 2, 5, 7 }));
        Assert.That(logs.AllText, Does.Not.Contain(Canary.Token));
        Assert.That(stub.Requests.Last().Header("X-Auth-Token"), Is.Null, "the foreign redirect hop carried no token");
    }

    [Test]
    public void CredentialAndConfigErrors_NeverContainTheToken()
    {
        using var home = new TempDirectory();
        home.Write(".config/qhubctl/config.json", $$"""{"auth": {"value": "{{Canary.Token}}", "type": 5""");
        var provider = new DefaultCredentialsProvider(environment: FakeEnvironment.Create(home.Path));

        var ex = Assert.CatchAsync<HubException>(async () => await provider.GetTokenAsync());

        AssertClean(ex!);
    }

    [Test]
    public void TimeoutAndCancellation_NeverContainTheToken()
    {
        var time = new FakeTimeProvider();
        using var client = Hub.Quantum(StubHandler.Hanging(), o => { o.ApiKey = Canary.Token; o.TimeProvider = time; o.MaxRetries = 0; });

        var pending = client.Jobs.GetJobAsync("j1");
        time.Advance(TimeSpan.FromMinutes(1));

        var ex = Assert.ThrowsAsync<HubTimeoutException>(() => pending.WaitAsync(TimeSpan.FromSeconds(5)));
        AssertClean(ex!);
    }

    private static void AssertClean(Exception ex)
    {
        Assert.That(ex.Message, Does.Not.Contain(Canary.Token));
        Assert.That(ex.ToString(), Does.Not.Contain(Canary.Token));
        if (ex is HubApiException api)
        {
            Assert.That(api.RawBody ?? string.Empty, Does.Not.Contain(Canary.Token));
            Assert.That(api.ErrorMessage ?? string.Empty, Does.Not.Contain(Canary.Token));
            Assert.That(api.Body?.ToString() ?? string.Empty, Does.Not.Contain(Canary.Token));
            Assert.That(string.Join(",", api.Headers.SelectMany(h => h.Value)), Does.Not.Contain(Canary.Token));
        }
    }
}
