using System.Diagnostics;
using KipuHub.Aspire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using KipuHub.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace KipuHub.Aspire.Tests;

[TestFixture]
public sealed class AddKipuHubClientTests
{
    private const string ConnectionString = "Endpoint=http://127.0.0.1:7001/quantum/;PlatformEndpoint=http://127.0.0.1:7001/qc-catalog/;ServiceEndpoint=http://127.0.0.1:7001/;Token=secret-token-123";

    private static HostApplicationBuilder Builder(params (string Key, string? Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return builder;
    }

    [Test]
    public void TheConnectionStringSetsTheUrlsAndTheToken()
    {
        var builder = Builder(("ConnectionStrings:kipuhub", ConnectionString));
        builder.AddKipuHubClient("kipuhub");
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptionsMonitor<KipuHubOptions>>().Get(Options.DefaultName);
        Assert.That(options.BaseUrl, Is.EqualTo(new Uri("http://127.0.0.1:7001/quantum/")));
        Assert.That(options.PlatformBaseUrl, Is.EqualTo(new Uri("http://127.0.0.1:7001/qc-catalog/")));
        Assert.That(options.ApiKey, Is.EqualTo("secret-token-123"));
        Assert.That(host.Services.GetService<IHubQuantumClient>(), Is.Not.Null);
        Assert.That(host.Services.GetService<IHubPlatformClient>(), Is.Not.Null);
    }

    [Test]
    public void WithoutAConnectionStringTheKipuHubSectionApplies()
    {
        var builder = Builder(("KipuHub:BaseUrl", "http://127.0.0.1:7002/quantum/"), ("KipuHub:ApiKey", "from-settings"));
        builder.AddKipuHubClient("kipuhub");
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptionsMonitor<KipuHubOptions>>().Get(Options.DefaultName);
        Assert.That(options.BaseUrl, Is.EqualTo(new Uri("http://127.0.0.1:7002/quantum/")));
        Assert.That(options.ApiKey, Is.EqualTo("from-settings"));
    }

    [Test]
    public void SettingsCanTurnOffHealthChecksTracingAndMetrics()
    {
        var builder = Builder(
            ("ConnectionStrings:kipuhub", ConnectionString),
            ("Aspire:KipuHub:Client:DisableHealthChecks", "true"),
            ("Aspire:KipuHub:Client:DisableTracing", "true"),
            ("Aspire:KipuHub:Client:DisableMetrics", "true"));
        builder.AddKipuHubClient("kipuhub");
        using var host = builder.Build();

        Assert.That(HealthCheckNames(host), Does.Not.Contain("kipuhub"));
        Assert.That(host.Services.GetService<TracerProvider>(), Is.Null);
    }

    [Test]
    public void ByDefaultTheHealthCheckIsAddedAndTheKipuHubSourceIsTraced()
    {
        var builder = Builder(("ConnectionStrings:kipuhub", ConnectionString));
        builder.AddKipuHubClient("kipuhub");
        using var host = builder.Build();

        Assert.That(HealthCheckNames(host), Does.Contain("kipuhub"));
        Assert.That(host.Services.GetService<TracerProvider>(), Is.Not.Null);
        using var activity = Diagnostics.HubDiagnostics.ActivitySource.StartActivity("probe");
        Assert.That(activity, Is.Not.Null, "the tracer provider listens to the KipuHub source");
    }

    [Test]
    public void TheDelegateOverridesConfiguration()
    {
        var builder = Builder(("ConnectionStrings:kipuhub", ConnectionString));
        builder.AddKipuHubClient("kipuhub", settings => settings.DisableHealthChecks = true);
        using var host = builder.Build();

        Assert.That(HealthCheckNames(host), Does.Not.Contain("kipuhub"));
    }

    [Test]
    public void ABadUrlFailsWithoutShowingTheConnectionString()
    {
        var builder = Builder(("ConnectionStrings:kipuhub", "Endpoint=not a url;Token=secret-token-123"));

        var error = Assert.Throws<FormatException>(() => builder.AddKipuHubClient("kipuhub"));
        Assert.That(error!.Message, Does.Not.Contain("secret-token-123").And.Not.Contain("not a url"));
    }

    private static IEnumerable<string> HealthCheckNames(IHost host) =>
        host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Select(r => r.Name);
}
