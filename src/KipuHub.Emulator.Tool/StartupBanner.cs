namespace KipuHub.Emulator.Tool;

/// <summary>What <c>kipuhub-emulator</c> prints at start: the URLs, and the development tokens once.</summary>
/// <remarks>
/// The tokens are printed to standard output exactly once, because a developer needs them to configure an app; they
/// are random per run (unless given with <c>--token</c>), accepted only by this emulator, and never written to a log.
/// </remarks>
internal static class StartupBanner
{
    public static void Write(TextWriter output, KipuHubEmulator hub, bool tokenWasGiven)
    {
        output.WriteLine($"Kipu Hub emulator listening on {hub.BaseUrl}");
        output.WriteLine($"  Quantum API:   {hub.QuantumBaseUrl}");
        foreach (var service in hub.ServiceNames)
        {
            output.WriteLine($"  Service '{service}': {hub.GetServiceBaseUrl(service)}");
        }

        output.WriteLine();
        output.WriteLine(tokenWasGiven
            ? "Personal access token: the one passed with --token."
            : $"Personal access token (development only, valid for this run, printed once): {hub.AccessToken}");
        output.WriteLine($"Service gateway bearer token (development only, printed once): {hub.ServiceToken}");
        output.WriteLine($"Organizations: {string.Join(", ", hub.OrganizationIds)}");
        output.WriteLine();
        output.WriteLine("Point an app at it, keeping the token out of appsettings.json:");
        output.WriteLine($"  KipuHub__BaseUrl={hub.QuantumBaseUrl}");
        output.WriteLine("  dotnet user-secrets set KipuHub:ApiKey <the token above>");
        output.WriteLine("Press Ctrl+C to stop.");
    }
}
