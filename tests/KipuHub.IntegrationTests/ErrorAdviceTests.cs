using KipuHub.Emulator;

namespace KipuHub.IntegrationTests;

/// <summary>Error advice that fits the cause, against the emulator (issue 13 #9).</summary>
[TestFixture]
public class ErrorAdviceTests : EmulatorFixture
{
    // Jobs stay PENDING for the whole fixture, so their results are never ready.
    protected override KipuHubEmulatorOptions EmulatorOptions => new() { Seed = 7, JobPendingDuration = TimeSpan.FromHours(1) };

    [Test]
    public async Task ResultOfAPendingJob_SaysItIsNotReady_NotThatTheBodyIsInvalid()
    {
        using var client = QuantumClient();
        var job = await client.SubmitJobAsync(Circuits.BellQasm());

        var ex = Assert.ThrowsAsync<UnprocessableEntityException>(() => client.ReadJobResultAsync(job.Id!));

        Assert.That(ex!.Message, Does.Contain("no result yet").And.Contain("WaitForCompletionAsync"));
        Assert.That(ex.Message, Does.Not.Contain("failed validation"));
    }

    [Test]
    public void WrongBaseUrl_SaysCheckTheBaseUrl_NotTheId()
    {
        // The emulator's root instead of its /quantum/ base: every Quantum path misses.
        using var client = new HubQuantumClient(new HubQuantumClientOptions { ApiKey = Hub.AccessToken, BaseUrl = new Uri(Hub.QuantumBaseUrl, "../") });

        var list = Assert.ThrowsAsync<NotFoundException>(() => client.Backends.GetBackendsAsync());

        Assert.That(list!.Message, Does.Contain("base URL is probably wrong").And.Contain("/quantum/"));
        Assert.That(list.Message, Does.Not.Contain("Check the id"));
    }

    [Test]
    public void UnimplementedPlatformOperation_SaysNotImplemented_NotRetryLater()
    {
        using var client = new HubPlatformClient(new HubPlatformClientOptions { ApiKey = Hub.AccessToken, BaseUrl = Hub.PlatformBaseUrl });

        var ex = Assert.ThrowsAsync<HubApiException>(() => client.GitIntegrations.GetGitIntegrationsAsync());

        Assert.That(ex!.StatusCode, Is.EqualTo(501));
        Assert.That(ex.Message, Does.Contain("does not implement GitIntegrations.GetGitIntegrationsAsync").And.Not.Contain("retry later"));
    }
}
