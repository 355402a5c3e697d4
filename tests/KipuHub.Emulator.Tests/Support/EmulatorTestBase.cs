using KipuHub.Generated.Quantum;
using Microsoft.Extensions.Time.Testing;

namespace KipuHub.Emulator.Tests.Support;

/// <summary>
/// One emulator per fixture on a fake clock: tests move jobs along with <see cref="Advance(TimeSpan)"/>, never with sleeps.
/// Tests that count or list things use their own organization or start a fresh emulator with <see cref="StartAsync"/>.
/// </summary>
public abstract class EmulatorTestBase
{
    public static readonly DateTimeOffset Epoch = new(2025, 6, 16, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Past the default pending (20 ms) and running (50 ms) durations.</summary>
    public static readonly TimeSpan LongEnough = TimeSpan.FromSeconds(1);

    protected FakeTimeProvider Time { get; private set; } = null!;

    protected KipuHubEmulator Hub { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    protected JobsClient Jobs { get; private set; } = null!;

    protected SessionsClient Sessions { get; private set; } = null!;

    protected BackendsClient Backends { get; private set; } = null!;

    protected WorkloadsClient Workloads { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartHubAsync()
    {
        Time = new FakeTimeProvider(Epoch);
        var options = new KipuHubEmulatorOptions { TimeProvider = Time, Seed = 42 };
        Configure(options);
        Hub = await KipuHubEmulator.StartAsync(options);
        Http = Hub.CreateQuantumHttpClient();
        Jobs = new JobsClient(Http);
        Sessions = new SessionsClient(Http);
        Backends = new BackendsClient(Http);
        Workloads = new WorkloadsClient(Http);
    }

    [OneTimeTearDown]
    public async Task StopHubAsync()
    {
        Http.Dispose();
        await Hub.DisposeAsync();
    }

    [TearDown]
    public void ClearFaults() => Hub.Faults.Clear();

    /// <summary>Starts a separate emulator on its own fake clock, for tests that need an empty Hub.</summary>
    public static async Task<(KipuHubEmulator Hub, FakeTimeProvider Time)> StartAsync(Action<KipuHubEmulatorOptions>? configure = null)
    {
        var time = new FakeTimeProvider(Epoch);
        var options = new KipuHubEmulatorOptions { TimeProvider = time, Seed = 7 };
        configure?.Invoke(options);
        return (await KipuHubEmulator.StartAsync(options), time);
    }

    protected virtual void Configure(KipuHubEmulatorOptions options)
    {
    }

    protected void Advance(TimeSpan by) => Time.Advance(by);

    protected void Advance(int milliseconds) => Time.Advance(TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>A client for the same emulator in another context (organization) or as another user.</summary>
    protected JobsClient JobsIn(HttpClient http) => new(http);

    protected HttpClient ClientFor(string? organizationId = null, string? token = null)
    {
        var client = new HttpClient { BaseAddress = Hub.QuantumBaseUrl };
        client.DefaultRequestHeaders.Add("X-Auth-Token", token ?? Hub.AccessToken);
        if (organizationId is not null)
        {
            client.DefaultRequestHeaders.Add("X-OrganizationId", organizationId);
        }

        return client;
    }
}
