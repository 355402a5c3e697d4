using KipuHub.Credentials.Internal;

namespace KipuHub.Credentials;

/// <summary>
/// Reads the token (<c>auth.value</c>) from the config file that <c>qhubctl login</c> writes.
/// </summary>
/// <remarks>
/// <para>
/// The file is <c>KQH_CONFIG_FILE_PATH</c>, else <c>PLANQK_CONFIG_FILE_PATH</c>, else
/// <c>~/.config/qhubctl/config.json</c> (<c>%LOCALAPPDATA%\qhubctl\config.json</c> on Windows), else the legacy
/// <c>~/.config/planqk/config.json</c> (<c>%LOCALAPPDATA%\planqk\config.json</c>). macOS uses the <c>~/.config</c> paths, as
/// the CLIs do.
/// </para>
/// <para>
/// The file is re-read only when it changes (its write time or size), so a new <c>qhubctl login</c> is picked up.
/// A malformed file throws <see cref="ConfigFileException"/>; a missing file or a file without a token throws
/// <see cref="CredentialUnavailableException"/>.
/// </para>
/// </remarks>
public sealed class ConfigFileCredential : HubCredential, ITokenSource
{
    private readonly string? _path;
    private readonly CredentialEnvironment _environment;
    private CachedFile? _cache;

    /// <summary>Creates the credential.</summary>
    /// <param name="path">The config file to read; <see langword="null"/> to find it as described in the remarks.</param>
    /// <param name="environment">Where to read variables and the home directory; <see langword="null"/> for the current process.</param>
    public ConfigFileCredential(string? path = null, CredentialEnvironment? environment = null)
    {
        _path = string.IsNullOrWhiteSpace(path) ? null : path;
        _environment = environment ?? CredentialEnvironment.Current;
    }

    /// <inheritdoc />
    /// <exception cref="ConfigFileException">The file exists but is unreadable or malformed.</exception>
    public override async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var tried = new List<string>();
        var resolved = await ((ITokenSource)this).TryResolveAsync(tried, cancellationToken).ConfigureAwait(false);
        return resolved?.Token ?? throw new CredentialUnavailableException(
            "No token was found in a Kipu Quantum Hub config file. Run 'qhubctl login', or set KQH_CONFIG_FILE_PATH to your config file.",
            tried);
    }

    /// <inheritdoc />
    async ValueTask<ResolvedToken?> ITokenSource.TryResolveAsync(List<string> tried, CancellationToken cancellationToken)
    {
        var path = _path is null ? ConfigFileLocator.Locate(_environment, tried) : CheckExplicit(_path, tried);
        if (path is null)
        {
            return null;
        }

        var contents = await ReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (contents.Token is null)
        {
            tried.Add($"config file {path}: has no token (auth.value)");
            return null;
        }

        return new ResolvedToken(contents.Token, $"config file {path}");
    }

    /// <summary>Reads the file, or returns the cached contents when the file has not changed.</summary>
    internal async Task<ConfigFileContents> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        var stamp = (info.LastWriteTimeUtc, info.Exists ? info.Length : -1);
        if (Volatile.Read(ref _cache) is { } cached && cached.Path == path && cached.Stamp == stamp)
        {
            return cached.Contents;
        }

        var contents = await ConfigFileReader.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _cache, new CachedFile(path, stamp, contents));
        return contents;
    }

    private static string? CheckExplicit(string path, List<string> tried)
    {
        if (ConfigFileReader.Exists(path))
        {
            return path;
        }

        tried.Add($"config file {path} (passed to ConfigFileCredential): does not exist");
        return null;
    }

    private sealed record CachedFile(string Path, (DateTime, long) Stamp, ConfigFileContents Contents);
}
