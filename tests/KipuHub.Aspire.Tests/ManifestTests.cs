using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace KipuHub.Aspire.Tests;

/// <summary>
/// Publishes Aspire manifests in-process (<c>--publisher manifest</c>: no orchestrator starts) and reads them as a
/// deployment tool would: the token must be a secret parameter, referenced by expression, never written as a value.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ManifestTests
{
    private const string KnownToken = "known-token-value-0123456789abcdef";

    [Test]
    public async Task TheSampleAppHostsTokenIsAGeneratedSecretParameterAndNeverAValue()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var path = ManifestPath();
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.KipuHub_Samples_AppHost>(PublishArgs(path), timeout.Token);
        // A value the token could have: it must not reach the manifest.
        appHost.Configuration["Parameters:kipuhub-token"] = KnownToken;
        await using (var app = await appHost.BuildAsync(timeout.Token))
        {
            await app.RunAsync(timeout.Token);
        }

        var text = await ReadAndDeleteAsync(path);
        var resources = JsonNode.Parse(text)!["resources"]!;
        var token = resources["kipuhub-token"]!;
        Assert.That((string?)token["type"], Is.EqualTo("parameter.v0"));
        Assert.That((bool?)token["inputs"]!["value"]!["secret"], Is.True);
        Assert.That((int?)token["inputs"]!["value"]!["default"]!["generate"]!["minLength"], Is.EqualTo(32));
        Assert.That(
            (string?)resources["kipuhub"]!["connectionString"],
            Is.EqualTo("Endpoint={kipuhub.bindings.http.url}/quantum/;PlatformEndpoint={kipuhub.bindings.http.url}/qc-catalog/;ServiceEndpoint={kipuhub.bindings.http.url}/gateway/;Token={kipuhub-token.value};ServiceToken={kipuhub-token.value}"));
        Assert.That((string?)resources["kipuhub"]!["env"]!["KIPUHUB_EMULATOR_TOKEN"], Is.EqualTo("{kipuhub-token.value}"));
        Assert.That((string?)resources["api"]!["env"]!["ConnectionStrings__kipuhub"], Is.EqualTo("{kipuhub.connectionString}"));
        Assert.That(text, Does.Not.Contain(KnownToken));
    }

    [Test]
    public async Task TheRealHubIsAConnectionStringWhoseTokenIsASecretParameter()
    {
        var text = await PublishAsync(builder =>
        {
            builder.Configuration["Parameters:hub-token"] = KnownToken;
            var hub = builder.AddKipuHub("hub");
            builder.AddExecutable("app", "dotnet", ".").WithReference(hub);
        });
        var resources = JsonNode.Parse(text)!["resources"]!;
        Assert.That((string?)resources["hub-token"]!["type"], Is.EqualTo("parameter.v0"));
        Assert.That((bool?)resources["hub-token"]!["inputs"]!["value"]!["secret"], Is.True);
        Assert.That((string?)resources["hub"]!["type"], Is.EqualTo("value.v0"));
        Assert.That(
            (string?)resources["hub"]!["connectionString"],
            Is.EqualTo("Endpoint=https://api.hub.kipu-quantum.com/quantum/;PlatformEndpoint=https://api.hub.kipu-quantum.com/qc-catalog/;ServiceEndpoint=https://gateway.hub.kipu-quantum.com/;Token={hub-token.value}"));
        Assert.That((string?)resources["app"]!["env"]!["ConnectionStrings__hub"], Is.EqualTo("{hub.connectionString}"));
        Assert.That(text, Does.Not.Contain(KnownToken));
    }

    [Test]
    public async Task JobDurationsAndFaultsAreTheEmulatorsArguments()
    {
        var text = await PublishAsync(builder => builder.AddKipuHubEmulator("kipuhub", "/opt/kipuhub/KipuHub.Emulator.Tool.dll")
            .WithJobDurations(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(1500))
            .WithFaults("ServerError POST /quantum/jobs times=2", " Latency * /quantum/** delay-ms=500 "));

        var args = JsonNode.Parse(text)!["resources"]!["kipuhub"]!["args"]!.AsArray().Select(a => (string?)a);
        Assert.That(args, Is.EqualTo(new[]
        {
            "/opt/kipuhub/KipuHub.Emulator.Tool.dll",
            "--job-pending-ms", "2000", "--job-running-ms", "1500",
            "--fault", "ServerError POST /quantum/jobs times=2",
            "--fault", "Latency * /quantum/** delay-ms=500",
        }));
    }

    [Test]
    public void ANegativeOrSubMillisecondDurationAndABlankRuleAreRejectedInTheAppHost()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DisableDashboard = true });
        var emulator = builder.AddKipuHubEmulator("kipuhub", "/opt/kipuhub/KipuHub.Emulator.Tool.dll");

        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.WithJobDurations(TimeSpan.FromSeconds(-1), TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.WithJobDurations(TimeSpan.Zero, TimeSpan.FromTicks(5)));
        Assert.Throws<ArgumentException>(() => emulator.WithFaults(" "));
    }

    /// <summary>Builds an AppHost in process with <paramref name="build"/>, publishes its manifest, and returns the manifest's text.</summary>
    private static async Task<string> PublishAsync(Action<IDistributedApplicationBuilder> build)
    {
        var path = ManifestPath();
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = PublishArgs(path), DisableDashboard = true });
        build(builder);
        await using (var app = builder.Build())
        {
            await app.RunAsync();
        }

        return await ReadAndDeleteAsync(path);
    }

    private static async Task<string> ReadAndDeleteAsync(string path)
    {
        var text = await File.ReadAllTextAsync(path);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        return text;
    }

    private static string[] PublishArgs(string path) => ["--publisher", "manifest", "--output-path", path];

    private static string ManifestPath() => Path.Combine(Path.GetTempPath(), $"kipuhub-manifest-{Guid.NewGuid():N}", "aspire-manifest.json");
}
