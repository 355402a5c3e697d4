using System.Runtime.InteropServices;

namespace KipuHub.Credentials.Internal;

/// <summary>
/// Finds the shared config file: <c>KQH_CONFIG_FILE_PATH</c>, else <c>PLANQK_CONFIG_FILE_PATH</c>, else the
/// <c>qhubctl</c> default, else the legacy <c>planqk</c> default (sdk-api.md "Authentication").
/// </summary>
/// <remarks>
/// A path set through a variable is authoritative: when that file is missing there is no fallback to the defaults,
/// because silently reading another account's file would be worse than failing.
/// </remarks>
internal static class ConfigFileLocator
{
    /// <summary>The variable naming the config file.</summary>
    public const string PathVariable = "KQH_CONFIG_FILE_PATH";

    /// <summary>The legacy variable naming the config file.</summary>
    public const string LegacyPathVariable = "PLANQK_CONFIG_FILE_PATH";

    /// <summary>Finds the file to read; <paramref name="tried"/> receives every place looked at.</summary>
    /// <returns>The path of an existing file, or <see langword="null"/>.</returns>
    /// <exception cref="ConfigFileException">A path cannot be checked: permission denied (see <see cref="ConfigFileReader.Exists"/>).</exception>
    public static string? Locate(CredentialEnvironment environment, List<string> tried)
    {
        foreach (var variable in new[] { PathVariable, LegacyPathVariable })
        {
            if (environment.GetEnvironmentVariable(variable) is { } configured)
            {
                var path = ExpandHome(configured, environment);
                return Check(path, $"config file {path} (from {variable})", tried);
            }

            tried.Add($"environment variable {variable}: not set");
        }

        foreach (var path in DefaultPaths(environment))
        {
            if (Check(path, $"config file {path}", tried) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The default locations, newest tool first: <c>qhubctl</c>, then the legacy <c>planqk</c>.</summary>
    public static IReadOnlyList<string> DefaultPaths(CredentialEnvironment environment)
    {
        if (environment.OperatingSystem == OSPlatform.Windows)
        {
            // As the Python helpers: %LOCALAPPDATA%, which defaults to <home>\AppData\Local.
            var localAppData = environment.GetEnvironmentVariable("LOCALAPPDATA")
                ?? Join(environment, environment.HomeDirectory, "AppData", "Local");
            return [Join(environment, localAppData, "qhubctl", "config.json"), Join(environment, localAppData, "planqk", "config.json")];
        }

        // Linux and macOS alike: qhubctl and planqk write ~/.config/<tool>/config.json on both (oclif configDir).
        var config = Join(environment, environment.HomeDirectory, ".config");
        return [Join(environment, config, "qhubctl", "config.json"), Join(environment, config, "planqk", "config.json")];
    }

    private static string? Check(string path, string description, List<string> tried)
    {
        if (ConfigFileReader.Exists(path))
        {
            return path;
        }

        tried.Add($"{description}: does not exist");
        return null;
    }

    // "~/x" is a shell convention; expand it so a copied setting works.
    private static string ExpandHome(string path, CredentialEnvironment environment) =>
        path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal)
            ? Join(environment, environment.HomeDirectory, path[2..])
            : path;

    // Uses the separator of the environment's OS, not of the machine running the code, so paths are right in tests too.
    private static string Join(CredentialEnvironment environment, params string[] parts)
    {
        var separator = environment.OperatingSystem == OSPlatform.Windows ? '\\' : '/';
        return string.Join(separator, parts.Select((p, i) => i == 0 ? p.TrimEnd('/', '\\') : p.Trim('/', '\\')));
    }
}
