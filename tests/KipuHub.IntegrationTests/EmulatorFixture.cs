using KipuHub.Emulator;
using KipuHub.Waiting;

namespace KipuHub.IntegrationTests;

/// <summary>
/// Facade against the real emulator over loopback HTTP: one emulator per fixture, fresh clients per test.
/// Jobs finish on the emulator's real clock within ~70 ms, so waits use a short poll interval.
/// </summary>
public abstract class EmulatorFixture
{
    /// <summary>Fast polling for a local emulator (the defaults are tuned for the real Hub).</summary>
    protected static readonly WaitOptions Fast = new() { MinInterval = TimeSpan.FromMilliseconds(10), MaxInterval = TimeSpan.FromMilliseconds(50), Timeout = TimeSpan.FromSeconds(30) };

    protected KipuHubEmulator Hub { get; private set; } = null!;

    protected virtual KipuHubEmulatorOptions EmulatorOptions => new() { Seed = 7 };

    [OneTimeSetUp]
    public async Task StartEmulator() => Hub = await KipuHubEmulator.StartAsync(EmulatorOptions);

    [OneTimeTearDown]
    public async Task StopEmulator() => await Hub.DisposeAsync();

    [TearDown]
    public void ClearFaults() => Hub.Faults.Clear();

    protected HubQuantumClient QuantumClient(string? organizationId = null, int maxRetries = 2) => new(new HubQuantumClientOptions
    {
        ApiKey = Hub.AccessToken,
        BaseUrl = Hub.QuantumBaseUrl,
        OrganizationId = organizationId,
        MaxRetries = maxRetries,
    });

    protected HubServiceClient ServiceClient(string service) => new(new HubServiceClientOptions
    {
        BaseUrl = Hub.GetServiceBaseUrl(service),
        Token = Hub.ServiceToken,
    });
}
