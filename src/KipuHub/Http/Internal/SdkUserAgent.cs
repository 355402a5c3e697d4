using System.Reflection;

namespace KipuHub.Http.Internal;

/// <summary>Builds <c>KipuHub.NET/{version} (.NET {runtime}; {os})</c>.</summary>
internal static class SdkUserAgent
{
    /// <summary>The SDK version without the source-revision suffix ("0.1.0+abc123" becomes "0.1.0").</summary>
    public static string Version { get; } =
        (typeof(SdkUserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(SdkUserAgent).Assembly.GetName().Version?.ToString()
            ?? "0.0.0").Split('+')[0];

    /// <summary>The SDK's User-Agent value, computed once (after <see cref="Version"/>: static initializers run in order).</summary>
    public static string Value { get; } = Build();

    private static string Build() => $"KipuHub.NET/{Version} (.NET {Environment.Version}; {OperatingSystemName()} {Environment.OSVersion.Version})";

    // A short, header-safe name; RuntimeInformation.OSDescription can contain parentheses and build strings.
    private static string OperatingSystemName()
    {
        if (OperatingSystem.IsWindows())
        {
            return "Windows";
        }

        if (OperatingSystem.IsMacOS())
        {
            return "macOS";
        }

        if (OperatingSystem.IsLinux())
        {
            return "Linux";
        }

        return OperatingSystem.IsFreeBSD() ? "FreeBSD" : "Unknown";
    }
}
