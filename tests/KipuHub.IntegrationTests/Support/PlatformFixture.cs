using KipuHub.Emulator;

namespace KipuHub.IntegrationTests.Support;

/// <summary>
/// One emulator per fixture, and facade clients for it: <see cref="HubPlatformClient"/> built exactly as a user would,
/// with the emulator's token and base URL, in the personal context or an organization.
/// </summary>
public abstract class PlatformFixture
{
    public const string OwnerOrg = "org-owner";
    public const string PartnerOrg = "org-partner";
    public const string ThirdOrg = "org-third";

    private readonly List<IDisposable> _clients = [];

    protected KipuHubEmulator Hub { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartHubAsync()
    {
        var options = new KipuHubEmulatorOptions { Seed = 11 };
        options.OrganizationIds.Add(OwnerOrg);
        options.OrganizationIds.Add(PartnerOrg);
        options.OrganizationIds.Add(ThirdOrg);
        Hub = await KipuHubEmulator.StartAsync(options);
    }

    [OneTimeTearDown]
    public async Task StopHubAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Hub.DisposeAsync();
    }

    /// <summary>A facade client in <paramref name="organizationId"/>'s context, or the personal one when null.</summary>
    protected HubPlatformClient Platform(string? organizationId = null, string? token = null)
    {
        var client = new HubPlatformClient(new HubPlatformClientOptions
        {
            ApiKey = token ?? Hub.AccessToken,
            BaseUrl = Hub.PlatformBaseUrl,
            OrganizationId = organizationId,
        });
        _clients.Add(client);
        return client;
    }
}
