using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace KipuHub.Aspire.Tests;

[TestFixture]
public sealed class AddKipuHubResourceTests
{
    [Test]
    public async Task TheRealHubsConnectionStringHasTheProductionUrlsAndTheSecretToken()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DisableDashboard = true });
        builder.Configuration["Parameters:hub-token"] = "real-token-456";
        var hub = builder.AddKipuHub("hub");

        var token = builder.Resources.OfType<ParameterResource>().Single(p => p.Name == "hub-token");
        Assert.That(token.Secret, Is.True);
        var connectionString = await hub.Resource.ConnectionStringExpression.GetValueAsync(CancellationToken.None);
        Assert.That(connectionString, Is.EqualTo("Endpoint=https://api.hub.kipu-quantum.com/quantum/;PlatformEndpoint=https://api.hub.kipu-quantum.com/qc-catalog/;ServiceEndpoint=https://gateway.hub.kipu-quantum.com/;Token=real-token-456"));
    }

    [Test]
    public async Task TheEmulatorsTokenIsGeneratedSecretAndHandedOverInTheEnvironment()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DisableDashboard = true });
        var emulator = builder.AddKipuHubEmulator("kipuhub", "/opt/kipuhub/KipuHub.Emulator.Tool.dll").WithSeed(7);

        var token = builder.Resources.OfType<ParameterResource>().Single(p => p.Name == "kipuhub-token");
        Assert.That(token.Secret, Is.True);
        Assert.That(await token.GetValueAsync(CancellationToken.None), Has.Length.GreaterThanOrEqualTo(32));
        Assert.That(emulator.Resource.Command, Is.EqualTo("dotnet"));
        Assert.That(emulator.Resource.Annotations.OfType<EnvironmentCallbackAnnotation>(), Is.Not.Empty);
        Assert.That(emulator.Resource.Annotations.OfType<HealthCheckAnnotation>(), Is.Not.Empty);
    }
}
