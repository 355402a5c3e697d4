using System.Text.Json;
using System.Text.Json.Nodes;

namespace KipuHub.Emulator.Tool;

/// <summary>
/// What <c>kipuhub-emulator</c> prints at start: the three base URLs (Quantum, Platform, Service gateway) and
/// ready-to-paste configuration that points every API of an app at this emulator.
/// </summary>
/// <remarks>
/// <para>Every API must be configured: an <c>AddKipuHub</c> app given only <c>KipuHub:BaseUrl</c> would send its Platform
/// calls, with the emulator's token, to the production Hub. So the appsettings section, the user secrets and the
/// environment variables all name <c>BaseUrl</c>, <c>PlatformBaseUrl</c> and each demo service's gateway.</para>
/// <para>The tokens are printed only here, on standard output, because a developer needs them to configure an app;
/// they are random per run, accepted only by this emulator, and never written to a log. A given token (<c>--token</c>
/// or <c>KIPUHUB_EMULATOR_TOKEN</c>, which the tool also accepts on the gateway) is never echoed: under Aspire the
/// console is the resource's log. The appsettings section holds no token: it is meant to be committed.</para>
/// </remarks>
internal static class StartupBanner
{
    /// <summary>Stands for the token the user passed with <c>--token</c>.</summary>
    public const string GivenTokenPlaceholder = "<your --token value>";

    /// <summary>Stands for the token handed over in <c>KIPUHUB_EMULATOR_TOKEN</c>.</summary>
    public const string EnvironmentTokenPlaceholder = "(from KIPUHUB_EMULATOR_TOKEN)";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(TextWriter output, KipuHubEmulator hub, TokenSource tokenSource)
    {
        // A given token is also the gateway's (Program), so both stand in for it.
        var (accessToken, serviceToken) = tokenSource switch
        {
            TokenSource.CommandLine => (GivenTokenPlaceholder, GivenTokenPlaceholder),
            TokenSource.Environment => (EnvironmentTokenPlaceholder, EnvironmentTokenPlaceholder),
            _ => (hub.AccessToken, hub.ServiceToken),
        };
        WriteUrls(output, hub);
        output.WriteLine();
        output.WriteLine("appsettings.Development.json (every API points here; no secrets in it):");
        output.WriteLine(AppSettings(hub).ToJsonString(Indented));
        output.WriteLine();
        output.WriteLine("Tokens (development only: valid for this run, accepted only by this emulator):");
        output.WriteLine("  user secrets, run in the app's project folder (read only when the app runs in the Development environment):");
        output.WriteLine("    dotnet user-secrets init");
        foreach (var (key, value) in Secrets(hub, accessToken, serviceToken))
        {
            output.WriteLine($"    dotnet user-secrets set {key} \"{value}\"");
        }

        output.WriteLine("  or environment variables, in any environment, instead of appsettings and user secrets (bash; PowerShell: $env:NAME = \"value\"):");
        foreach (var (key, value) in EnvironmentVariables(hub, accessToken, serviceToken))
        {
            output.WriteLine($"    export {key}=\"{value}\"");
        }

        output.WriteLine("  clients created without AddKipuHub (new HubQuantumClient(...)): set BaseUrl / PlatformBaseUrl to the URLs above in code;");
        output.WriteLine("  KQH_PERSONAL_ACCESS_TOKEN is the token variable DefaultCredentialsProvider reads.");
        output.WriteLine();
        output.WriteLine("Press Ctrl+C to stop.");
    }

    /// <summary>The <c>KipuHub</c> section for appsettings: every base URL, no token.</summary>
    public static JsonObject AppSettings(KipuHubEmulator hub)
    {
        var gateways = new JsonObject();
        foreach (var service in hub.ServiceNames)
        {
            gateways[GatewayKey(service)] = new JsonObject { ["BaseUrl"] = hub.GetServiceBaseUrl(service).ToString() };
        }

        return new JsonObject
        {
            ["KipuHub"] = new JsonObject
            {
                ["BaseUrl"] = hub.QuantumBaseUrl.ToString(),
                ["PlatformBaseUrl"] = hub.PlatformBaseUrl.ToString(),
                ["ServiceGateways"] = gateways,
            },
        };
    }

    /// <summary>
    /// The registration name of a demo service's gateway (<c>KipuHub:ServiceGateways:NAME</c>, the key of its
    /// <c>IHubServiceClient</c>): the service name with '-' as '_', because a shell variable name cannot hold a '-'.
    /// </summary>
    public static string GatewayKey(string serviceName) => serviceName.Replace('-', '_');

    private static void WriteUrls(TextWriter output, KipuHubEmulator hub)
    {
        output.WriteLine($"Kipu Hub emulator listening on {hub.BaseUrl}");
        output.WriteLine($"  Quantum API:      {hub.QuantumBaseUrl}");
        output.WriteLine($"  Platform API:     {hub.PlatformBaseUrl}");
        foreach (var service in hub.ServiceNames)
        {
            output.WriteLine($"  Service gateway:  {hub.GetServiceBaseUrl(service)} (demo service '{service}', keyed IHubServiceClient \"{GatewayKey(service)}\")");
        }

        output.WriteLine($"  Organizations:    {string.Join(", ", hub.OrganizationIds)} (optional: KipuHub:OrganizationId)");
    }

    /// <summary>The user secrets: the tokens only (the URLs are in appsettings).</summary>
    private static IEnumerable<(string Key, string Value)> Secrets(KipuHubEmulator hub, string accessToken, string serviceToken)
    {
        yield return ("KipuHub:ApiKey", accessToken);
        foreach (var service in hub.ServiceNames)
        {
            yield return ($"KipuHub:ServiceGateways:{GatewayKey(service)}:Token", serviceToken);
        }
    }

    /// <summary>The environment variables: everything, URLs and tokens, as the configuration's <c>__</c> keys.</summary>
    private static IEnumerable<(string Key, string Value)> EnvironmentVariables(KipuHubEmulator hub, string accessToken, string serviceToken)
    {
        yield return ("KipuHub__BaseUrl", hub.QuantumBaseUrl.ToString());
        yield return ("KipuHub__PlatformBaseUrl", hub.PlatformBaseUrl.ToString());
        yield return ("KipuHub__ApiKey", accessToken);
        foreach (var service in hub.ServiceNames)
        {
            yield return ($"KipuHub__ServiceGateways__{GatewayKey(service)}__BaseUrl", hub.GetServiceBaseUrl(service).ToString());
            yield return ($"KipuHub__ServiceGateways__{GatewayKey(service)}__Token", serviceToken);
        }
    }
}
