using KipuHub.Emulator.Faults;

namespace KipuHub.IntegrationTests;

/// <summary>
/// hub-facts-2026.md Platform API 6: <c>MaxRetries</c> (default 2) and <c>Timeout</c> (default 60 s) are options of every
/// client, and every client honours them against the emulator answering 503.
/// </summary>
[TestFixture]
public class RetryParityTests : EmulatorFixture
{
    [Test]
    public void Every_clients_options_default_to_two_retries_and_a_60_second_timeout()
    {
        HubClientOptions[] all = [new HubQuantumClientOptions(), new HubPlatformClientOptions(), new HubServiceClientOptions()];

        Assert.That(all.Select(o => o.MaxRetries), Is.All.EqualTo(2));
        Assert.That(all.Select(o => o.Timeout), Is.All.EqualTo(TimeSpan.FromSeconds(60)));
    }

    [TestCase("quantum", 0)]
    [TestCase("quantum", 3)]
    [TestCase("platform", 0)]
    [TestCase("platform", 3)]
    [TestCase("service", 0)]
    [TestCase("service", 3)]
    public void Each_client_sends_exactly_one_plus_MaxRetries_attempts_of_a_failing_GET(string api, int maxRetries)
    {
        var attempts = 0;
        var (path, call) = Client(api, maxRetries, () => Interlocked.Increment(ref attempts));
        // Retry-After: 0 keeps the test fast; the count of attempts is what MaxRetries decides.
        Hub.Faults.Add(new FaultRule(FaultKind.ServerError, path) { Method = "GET", RetryAfter = TimeSpan.Zero });

        var ex = Assert.ThrowsAsync<HubApiException>(call);

        Assert.That(ex!.StatusCode, Is.EqualTo(503));
        Assert.That(attempts, Is.EqualTo(1 + maxRetries));
    }

    private (string Path, AsyncTestDelegate Call) Client(string api, int maxRetries, Action onAttempt)
    {
        switch (api)
        {
            case "quantum":
                var quantum = new HubQuantumClientOptions { ApiKey = Hub.AccessToken, BaseUrl = Hub.QuantumBaseUrl, MaxRetries = maxRetries };
                quantum.AddHandler(() => new AttemptCounter(onAttempt));
                return ("/quantum/backends", async () => { using var c = new HubQuantumClient(quantum); await c.Backends.GetBackendsAsync(); });
            case "platform":
                var platform = new HubPlatformClientOptions { ApiKey = Hub.AccessToken, BaseUrl = Hub.PlatformBaseUrl, MaxRetries = maxRetries };
                platform.AddHandler(() => new AttemptCounter(onAttempt));
                return ("/qc-catalog/users/me", async () => { using var c = new HubPlatformClient(platform); await c.Users.GetMeAsync(); });
            default:
                var service = new HubServiceClientOptions { Token = Hub.ServiceToken, BaseUrl = Hub.GetServiceBaseUrl("echo"), MaxRetries = maxRetries };
                service.AddHandler(() => new AttemptCounter(onAttempt));
                return ("/gateway/**", async () => { using var c = new HubServiceClient(service); await c.ServiceApi.GetServiceExecutionsAsync(); });
        }
    }

    /// <summary>Counts the attempts that reach the transport (a per-attempt handler runs inside the retries).</summary>
    private sealed class AttemptCounter(Action onAttempt) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onAttempt();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
