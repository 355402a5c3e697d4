using KipuHub.Samples.WebApi;
using OpenTelemetry;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);

if (builder.Configuration.GetConnectionString("kipuhub") is not null)
{
    // Started by samples/KipuHub.Samples.AppHost: the connection string names the Hub (or the emulator resource) and the token.
    builder.AddKipuHubClient("kipuhub");

    // The request spans, with the SDK's "KipuHub" spans as their children, sent to the Aspire dashboard (the AppHost
    // sets OTEL_EXPORTER_OTLP_ENDPOINT), as an Aspire ServiceDefaults project would.
    var telemetry = builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddAspNetCoreInstrumentation());
    if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
    {
        telemetry.UseOtlpExporter();
    }
}
else
{
    // KipuHub:UseEmulator=true (appsettings.Development.json) runs a local Hub in-process and points KipuHub:BaseUrl at it.
    builder.AddKipuHubEmulatorWhenRequested();

    // Everything else comes from the "KipuHub" section; the token from user secrets (KipuHub:ApiKey), the environment or 'qhubctl login'.
    builder.Services.AddKipuHub(builder.Configuration.GetSection("KipuHub"));
    builder.Services.AddHealthChecks().AddKipuHubHealthCheck();
}

var app = builder.Build();
app.MapJobEndpoints();
app.MapHealthChecks("/health");
app.Run();

/// <summary>The sample's entry point; public so tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
