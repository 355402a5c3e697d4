using KipuHub.Emulator;
using Microsoft.Extensions.Logging;

namespace KipuHub.Extensions.DependencyInjection.Tests.Support;

/// <summary>Starts emulators and wires options to them.</summary>
public static class Emulators
{
    public static Task<KipuHubEmulator> StartAsync(TimeProvider? time = null) =>
        KipuHubEmulator.StartAsync(new KipuHubEmulatorOptions { TimeProvider = time ?? TimeProvider.System, Seed = 7 });

    /// <summary>Returns options pointing at <paramref name="hub"/> with its token.</summary>
    public static Action<KipuHubOptions> Configure(KipuHubEmulator hub, Action<KipuHubOptions>? more = null) => options =>
    {
        options.BaseUrl = hub.QuantumBaseUrl;
        options.PlatformBaseUrl = hub.PlatformBaseUrl;
        options.ApiKey = hub.AccessToken;
        more?.Invoke(options);
    };

    /// <summary>A container with logging captured into <paramref name="logs"/>.</summary>
    public static ServiceCollection Services(CapturingLoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        return services;
    }
}
