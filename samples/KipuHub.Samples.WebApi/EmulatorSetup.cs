using KipuHub.Emulator;
using KipuHub.Extensions.DependencyInjection;

namespace KipuHub.Samples.WebApi;

/// <summary>Runs the sample against the in-process Hub emulator when <c>KipuHub:UseEmulator</c> is true.</summary>
internal static class EmulatorSetup
{
    /// <summary>The configuration key that turns the emulator on.</summary>
    public const string UseEmulatorKey = "KipuHub:UseEmulator";

    /// <summary>Starts the emulator with the app (lazily, as a singleton) and points the default registration at it.</summary>
    public static WebApplicationBuilder AddKipuHubEmulatorWhenRequested(this WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue<bool>(UseEmulatorKey))
        {
            return builder;
        }

        // A singleton the container created is disposed (the emulator stopped) when the app stops. Starting it
        // synchronously in the factory is fine here: it binds a loopback port and returns, once, at start-up.
        builder.Services.AddSingleton(sp => KipuHubEmulator.StartAsync(new KipuHubEmulatorOptions { LoggerFactory = sp.GetService<ILoggerFactory>() }).GetAwaiter().GetResult());
        builder.Services.AddOptions<KipuHubOptions>().PostConfigure<KipuHubEmulator>((options, emulator) =>
        {
            options.BaseUrl = emulator.QuantumBaseUrl;
            options.PlatformBaseUrl = emulator.PlatformBaseUrl;
            options.ApiKey = emulator.AccessToken;
        });
        return builder;
    }
}
