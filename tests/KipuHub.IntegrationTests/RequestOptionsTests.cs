using KipuHub.Emulator;
using KipuHub.Tests.Support;

namespace KipuHub.IntegrationTests;

/// <summary>Per-request options against the emulator through the standalone pipeline (SDK retries and timeouts).</summary>
[TestFixture]
[NonParallelizable]
public class RequestOptionsTests : EmulatorFixture
{
    private HubQuantumClient _client = null!;

    protected override KipuHubEmulatorOptions EmulatorOptions => RequestOptionsScenarios.EmulatorOptions();

    [SetUp]
    public void CreateClient()
    {
        _client = QuantumClient(RequestOptionsScenarios.ClientOrganization, maxRetries: 2);
        Hub.Requests.Clear();
    }

    [TearDown]
    public void DisposeClient() => _client.Dispose();

    [Test]
    public Task NoRetryScope_SendsOnce() => RequestOptionsScenarios.NoRetryScope_SendsOnce_OutsideItTheClientRetriesAsync(_client, Hub);

    [Test]
    public Task RetriesScope_NeverRetriesAJobPost() => RequestOptionsScenarios.RetriesScope_NeverRetriesAJobPostAsync(_client, Hub);

    [Test]
    public Task OrganizationScope_ReplacesTheClientsOrganization() => RequestOptionsScenarios.OrganizationScope_ReplacesTheClientsOrganizationAsync(_client, Hub);

    [Test]
    public Task OrganizationScope_CreatesTheJobInThatOrganization() => RequestOptionsScenarios.OrganizationScope_CreatesTheJobInThatOrganizationAsync(_client);

    [Test]
    public Task NestedScopes_Merge() => RequestOptionsScenarios.NestedScopes_MergeAsync(_client, Hub);

    [Test]
    public Task TimeoutScope_TimesTheAttemptOut() => RequestOptionsScenarios.TimeoutScope_TimesTheAttemptOutAsync(_client, Hub);

    [Test]
    public Task SendAsyncOptions_ApplyToThatRequest() => RequestOptionsScenarios.SendAsyncOptions_ApplyToThatRequestAsync(_client, Hub);

    [Test]
    public Task InvalidOptions_AreRefused_NothingIsSent() => RequestOptionsScenarios.InvalidOptions_AreRefused_NothingIsSentAsync(_client, Hub);
}
