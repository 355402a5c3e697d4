using KipuHub.Diagnostics;
using KipuHub.Aspire;
using KipuHub.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>The Aspire client integration: <c>builder.AddKipuHubClient("kipuhub")</c>.</summary>
public static class KipuHubClientHostingExtensions
{
    /// <summary>The configuration section of <see cref="KipuHubClientSettings"/>.</summary>
    public const string SettingsSectionName = "Aspire:KipuHub:Client";

    /// <summary>
    /// Registers the Quantum and Platform clients as <c>services.AddKipuHub</c> does, from the <c>KipuHub</c> section
    /// and then <c>ConnectionStrings:{connectionName}</c> (the connection string wins for URLs and token), adds the
    /// <c>kipuhub</c> health check and enlists the "KipuHub" activity source and meter in OpenTelemetry.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="connectionName">The connection string's name (the AppHost resource's name).</param>
    /// <param name="configureSettings">Changes the settings after configuration is read.</param>
    /// <returns>The KipuHub builder, for credentials, handlers and gateways.</returns>
    public static KipuHubBuilder AddKipuHubClient(this IHostApplicationBuilder builder, string connectionName, Action<KipuHubClientSettings>? configureSettings = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);
        var settings = new KipuHubClientSettings();
        builder.Configuration.GetSection(SettingsSectionName).Bind(settings);
        settings.ParseConnectionString(builder.Configuration.GetConnectionString(connectionName));
        configureSettings?.Invoke(settings);

        var hub = builder.Services.AddKipuHub(builder.Configuration.GetSection(KipuHubOptions.DefaultSectionName));
        builder.Services.Configure<KipuHubOptions>(Microsoft.Extensions.Options.Options.DefaultName, options => Apply(settings, options));
        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().AddKipuHubHealthCheck();
        }

        if (!settings.DisableTracing)
        {
            builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(HubDiagnostics.Name));
        }

        if (!settings.DisableMetrics)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(HubDiagnostics.Name));
        }

        return hub;
    }

    private static void Apply(KipuHubClientSettings settings, KipuHubOptions options)
    {
        options.BaseUrl = settings.Endpoint ?? options.BaseUrl;
        options.PlatformBaseUrl = settings.PlatformEndpoint ?? options.PlatformBaseUrl;
        options.ApiKey = settings.Token ?? options.ApiKey;
    }
}
