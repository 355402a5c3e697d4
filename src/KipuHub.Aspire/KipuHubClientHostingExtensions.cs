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
    /// Registers the Quantum and Platform clients (and the <c>KipuHub:ServiceGateways</c>) as <c>services.AddKipuHub</c>
    /// does, from the <c>KipuHub</c> section and then <c>ConnectionStrings:{connectionName}</c> (the connection string
    /// wins for URLs and token), adds the <c>kipuhub</c> health check and enlists the "KipuHub" activity source and meter
    /// in OpenTelemetry. A gateway with a relative <c>BaseUrl</c> (<c>kipu-demo/echo/1.0.0/</c>) is resolved against the
    /// connection string's <c>ServiceEndpoint</c> and, when it has no token source of its own, takes its <c>ServiceToken</c>.
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
        // Every gateway, also those added later with AddServiceGateway: post-configuration runs after all configuration.
        builder.Services.PostConfigureAll<KipuHubServiceGatewayOptions>(options => Apply(settings, options));
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

    /// <summary>
    /// Resolves a relative gateway URL against the connection string's gateway root. Only such a gateway takes the
    /// connection string's token: an absolute URL may name another host, which must not receive it.
    /// </summary>
    private static void Apply(KipuHubClientSettings settings, KipuHubServiceGatewayOptions options)
    {
        if (settings.ServiceEndpoint is null || options.BaseUrl is null || options.BaseUrl.IsAbsoluteUri)
        {
            return;
        }

        // A root without its trailing '/' would lose its last segment (…/gateway + kipu-demo/… = …/kipu-demo/…).
        var root = settings.ServiceEndpoint.AbsoluteUri.EndsWith('/') ? settings.ServiceEndpoint : new Uri(settings.ServiceEndpoint.AbsoluteUri + "/");
        options.BaseUrl = new Uri(root, options.BaseUrl.OriginalString.TrimStart('/'));
        var hasTokenSource = options.Token is not null || options.AccessKeyId is not null || options.SecretAccessKey is not null || options.Credential is not null;
        if (!hasTokenSource)
        {
            options.Token = settings.ServiceToken;
        }
    }

    private static void Apply(KipuHubClientSettings settings, KipuHubOptions options)
    {
        options.BaseUrl = settings.Endpoint ?? options.BaseUrl;
        options.PlatformBaseUrl = settings.PlatformEndpoint ?? options.PlatformBaseUrl;
        options.ApiKey = settings.Token ?? options.ApiKey;
    }
}
