using KipuHub.Emulator;
using KipuHub.Tests.Support;

namespace KipuHub.Extensions.DependencyInjection.Tests.Resilience;

/// <summary>
/// Per-request options against the emulator through <c>AddKipuHub</c>: IHttpClientFactory and the standard resilience
/// pipeline read the request's timeout and retry count (the same scenarios as the standalone tests).
/// </summary>
[TestFixture]
public class RequestOptionsTests
{
    private KipuHubEmulator _hub = null!;
    private ServiceProvider _provider = null!;
    private IHubQuantumClient _client = null!;

    [SetUp]
    public async Task Start()
    {
        _hub = await KipuHubEmulator.StartAsync(RequestOptionsScenarios.EmulatorOptions());
        var services = Emulators.Services();
        services.AddKipuHub(Emulators.Configure(_hub, o =>
        {
            o.OrganizationId = RequestOptionsScenarios.ClientOrganization;
            o.MaxRetries = 2;
        }));
        _provider = services.BuildServiceProvider();
        _client = _provider.GetRequiredService<IHubQuantumClient>();
    }

    [TearDown]
    public async Task Stop()
    {
        await _provider.DisposeAsync();
        await _hub.DisposeAsync();
    }

    [Test]
    public Task NoRetryScope_SendsOnce() => RequestOptionsScenarios.NoRetryScope_SendsOnce_OutsideItTheClientRetriesAsync(_client, _hub);

    [Test]
    public Task RetriesScope_NeverRetriesAJobPost() => RequestOptionsScenarios.RetriesScope_NeverRetriesAJobPostAsync(_client, _hub);

    [Test]
    public Task OrganizationScope_ReplacesTheClientsOrganization() => RequestOptionsScenarios.OrganizationScope_ReplacesTheClientsOrganizationAsync(_client, _hub);

    [Test]
    public Task OrganizationScope_CreatesTheJobInThatOrganization() => RequestOptionsScenarios.OrganizationScope_CreatesTheJobInThatOrganizationAsync(_client);

    [Test]
    public Task NestedScopes_Merge() => RequestOptionsScenarios.NestedScopes_MergeAsync(_client, _hub);

    [Test]
    public Task TimeoutScope_TimesTheAttemptOut() => RequestOptionsScenarios.TimeoutScope_TimesTheAttemptOutAsync(_client, _hub);

    [Test]
    public Task SendAsyncOptions_ApplyToThatRequest() => RequestOptionsScenarios.SendAsyncOptions_ApplyToThatRequestAsync(_client, _hub);

    [Test]
    public Task InvalidOptions_AreRefused_NothingIsSent() => RequestOptionsScenarios.InvalidOptions_AreRefused_NothingIsSentAsync(_client, _hub);
}
