using System.Runtime.InteropServices;

namespace KipuHub.Credentials;

/// <summary>
/// Where the credential helpers look: environment variables, the home directory and the operating system
/// (which decides the config file's default location).
/// </summary>
/// <remarks>
/// <see cref="Current"/> reads the real process. Tests and hosts that keep settings elsewhere pass their own, so
/// nothing has to change process-wide environment variables.
/// </remarks>
public sealed class CredentialEnvironment
{
    private readonly Func<string, string?> _getEnvironmentVariable;

    /// <summary>Creates an environment.</summary>
    /// <param name="getEnvironmentVariable">Returns the value of a variable, or <see langword="null"/> when it is not set.</param>
    /// <param name="homeDirectory">The user's home directory (<c>~</c>).</param>
    /// <param name="operatingSystem">The operating system whose default paths apply: <see cref="OSPlatform.Windows"/>, <see cref="OSPlatform.OSX"/> or <see cref="OSPlatform.Linux"/> (any other is treated like Linux).</param>
    /// <exception cref="ArgumentNullException"><paramref name="getEnvironmentVariable"/> or <paramref name="homeDirectory"/> is null.</exception>
    public CredentialEnvironment(Func<string, string?> getEnvironmentVariable, string homeDirectory, OSPlatform operatingSystem)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        ArgumentNullException.ThrowIfNull(homeDirectory);
        _getEnvironmentVariable = getEnvironmentVariable;
        HomeDirectory = homeDirectory;
        OperatingSystem = operatingSystem;
    }

    /// <summary>Gets the environment of the current process.</summary>
    public static CredentialEnvironment Current { get; } = new(
        Environment.GetEnvironmentVariable,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        CurrentOperatingSystem());

    /// <summary>Gets the user's home directory (<c>~</c>); empty when unknown.</summary>
    public string HomeDirectory { get; }

    /// <summary>Gets the operating system whose default paths apply.</summary>
    public OSPlatform OperatingSystem { get; }

    /// <summary>Returns the value of an environment variable, or <see langword="null"/> when it is not set or blank.</summary>
    /// <param name="name">The variable name.</param>
    /// <returns>The trimmed value, or <see langword="null"/>.</returns>
    public string? GetEnvironmentVariable(string name)
    {
        var value = _getEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static OSPlatform CurrentOperatingSystem()
    {
        if (System.OperatingSystem.IsWindows())
        {
            return OSPlatform.Windows;
        }

        return System.OperatingSystem.IsMacOS() ? OSPlatform.OSX : OSPlatform.Linux;
    }
}
