using System.Diagnostics;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace KipuHub.Aspire.Tests;

/// <summary>
/// Starts samples/KipuHub.Samples.AppHost for real (the orchestrator, the emulator executable, the Web API project) and
/// runs a Bell job through the API. No skip: an orchestrator that cannot start fails the test with its reason.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SampleAppHostTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    [Test]
    public async Task SampleAppHostRunsABellJobAgainstTheEmulator()
    {
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(StartTimeout);
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.KipuHub_Samples_AppHost>(timeout.Token);
        await using var app = await appHost.BuildAsync(timeout.Token);
        try
        {
            await app.StartAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Assert.Fail($"The Aspire orchestrator (DCP) could not start the sample AppHost: {ex.GetType().Name}: {ex.Message}");
        }

        await WaitHealthyAsync(app, "kipuhub", timeout.Token);
        await WaitHealthyAsync(app, "api", timeout.Token);

        using var api = app.CreateHttpClient("api");
        using var response = await api.PostAsJsonAsync("/jobs/run", new { shots = 200 }, timeout.Token);
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync(timeout.Token));
        var counts = await response.Content.ReadFromJsonAsync<Dictionary<string, long>>(timeout.Token);

        Assert.That(counts, Is.Not.Null);
        Assert.That(counts!.Keys, Is.SubsetOf(new[] { "00", "11" }), "a Bell state measures only 00 and 11");
        Assert.That(counts.Values.Sum(), Is.EqualTo(200));
        Assert.That(counts.Keys, Has.Count.EqualTo(2), "200 shots of a Bell state give both outcomes");

        await app.StopAsync(CancellationToken.None);
        TestContext.Out.WriteLine($"AppHost start, Bell job and stop took {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Waits for a resource to be healthy; a timeout fails naming the resource and its last state.</summary>
    private static async Task WaitHealthyAsync(DistributedApplication app, string resource, CancellationToken cancellationToken)
    {
        try
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            var state = app.ResourceNotifications.TryGetCurrentState(resource, out var current) ? current.Snapshot.State?.Text : "unknown";
            Assert.Fail($"Resource '{resource}' was not healthy within {StartTimeout.TotalSeconds:F0} s (state: {state}); see the resource logs above.");
        }
    }

    [Test]
    public async Task TheConnectionStringNamesEveryApiAndTheTokenIsASecretParameter()
    {
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.KipuHub_Samples_AppHost>();
        var model = appHost.Resources;
        var emulator = model.OfType<KipuHubEmulatorResource>().Single();
        var token = model.OfType<ParameterResource>().Single(p => p.Name == "kipuhub-token");

        Assert.That(token.Secret, Is.True);
        Assert.That(emulator.Token, Is.SameAs(token));
        var connectionString = emulator.ConnectionStringExpression;
        Assert.That(connectionString.Format, Is.EqualTo("Endpoint={0};PlatformEndpoint={1};ServiceEndpoint={2};Token={3};ServiceToken={4}"));
        var urls = connectionString.ValueProviders.Take(3).Cast<ReferenceExpression>().Select(e => e.Format);
        Assert.That(urls, Is.EqualTo(new[] { "{0}/quantum/", "{0}/qc-catalog/", "{0}/gateway/" }));
        Assert.That(connectionString.ValueProviders[3], Is.SameAs(token));
        Assert.That(connectionString.ValueProviders[4], Is.SameAs(token), "the emulator's gateway accepts the same token");
    }
}
