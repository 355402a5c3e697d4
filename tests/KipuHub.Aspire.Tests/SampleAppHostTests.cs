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
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var emulatorLogs = new ResourceLogs(app, "kipuhub", "the banner's last line", line => line.Contains("Press Ctrl+C to stop.", StringComparison.Ordinal), stopWatching.Token);
        // The SDK's debug line for the result download (HttpLog event 2), the run's last call: its logs have all arrived.
        var apiLogs = new ResourceLogs(app, "api", "GET …/result returned", line => line.Contains("GET", StringComparison.Ordinal) && line.Contains("/result", StringComparison.Ordinal) && line.Contains("returned", StringComparison.Ordinal), stopWatching.Token);
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

        var token = await appHost.Resources.OfType<ParameterResource>().Single(p => p.Name == "kipuhub-token").GetValueAsync(timeout.Token);
        var connectionString = await appHost.Resources.OfType<KipuHubEmulatorResource>().Single().ConnectionStringExpression.GetValueAsync(timeout.Token);
        var emulatorLines = await emulatorLogs.UntilMarkerAsync(timeout.Token);
        var apiLines = await apiLogs.UntilMarkerAsync(timeout.Token);
        await stopWatching.CancelAsync();
        await app.StopAsync(CancellationToken.None);

        Assert.That(token, Has.Length.GreaterThanOrEqualTo(32));
        Assert.That(emulatorLines, Has.Some.Contains("(from KIPUHUB_EMULATOR_TOKEN)"), "the banner names where the token is instead of printing it");
        foreach (var (resource, lines) in new[] { ("kipuhub", emulatorLines), ("api", apiLines) })
        {
            Assert.That(lines, Has.None.Contains(token), $"the token appears in {resource}'s logs");
            Assert.That(lines, Has.None.Contains(connectionString), $"the connection string appears in {resource}'s logs");
            Assert.That(lines, Has.None.Contains(";Token="), $"a connection string's Token appears in {resource}'s logs");
        }

        TestContext.Out.WriteLine($"AppHost start, Bell job and stop took {clock.Elapsed.TotalSeconds:F1} s; {emulatorLines.Count} emulator and {apiLines.Count} api log lines checked");
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
