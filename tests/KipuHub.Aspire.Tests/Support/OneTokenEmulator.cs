using KipuHub.Emulator;

namespace KipuHub.Aspire.Tests.Support;

/// <summary>
/// An in-process emulator set up as the emulator tool sets itself up from <c>KIPUHUB_EMULATOR_TOKEN</c> (one token on
/// every API), and the connection string <c>AddKipuHubEmulator</c> hands a service for it.
/// </summary>
internal static class OneTokenEmulator
{
    public static Task<KipuHubEmulator> StartAsync(string token) =>
        KipuHubEmulator.StartAsync(new KipuHubEmulatorOptions { Users = { new EmulatorUser("emulator-user", token) }, ServiceTokens = { token } });

    public static string ConnectionString(KipuHubEmulator emulator, string token) =>
        $"Endpoint={emulator.QuantumBaseUrl};PlatformEndpoint={emulator.PlatformBaseUrl};ServiceEndpoint={emulator.BaseUrl}gateway/;Token={token};ServiceToken={token}";
}
