using KipuHub.Credentials.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KipuHub.Credentials;

/// <summary>
/// Finds a token the way the Python SDK's <c>DefaultCredentialsProvider</c> does: the token passed in, then
/// <see cref="EnvironmentCredential"/>, then <see cref="ConfigFileCredential"/>.
/// </summary>
/// <remarks>
/// <para>Sources are tried on every call (cheap: variables, and a file re-read only when it changes), so a new login is picked up.</para>
/// <para>
/// When none has a token, the <see cref="CredentialUnavailableException"/> lists every variable and file tried.
/// A config file that exists but is malformed stops the search with a <see cref="ConfigFileException"/> rather than
/// being skipped silently.
/// </para>
/// </remarks>
public sealed class DefaultCredentialsProvider : HubCredential
{
    private readonly string? _accessToken;
    private readonly ITokenSource[] _sources;
    private readonly ILogger _logger;
    private string? _lastSource;

    /// <summary>Creates the provider.</summary>
    /// <param name="accessToken">A token to use before looking anywhere else; <see langword="null"/> to look in the environment and the config file only.</param>
    /// <param name="environment">Where to read variables and the home directory; <see langword="null"/> for the current process.</param>
    /// <param name="loggerFactory">Logs which source was used (never the token); <see langword="null"/> for none.</param>
    public DefaultCredentialsProvider(string? accessToken = null, CredentialEnvironment? environment = null, ILoggerFactory? loggerFactory = null)
    {
        _accessToken = accessToken;
        var env = environment ?? CredentialEnvironment.Current;
        _sources = string.IsNullOrWhiteSpace(accessToken)
            ? [new EnvironmentCredential(env), new ConfigFileCredential(environment: env)]
            : [new StaticCredential(accessToken), new EnvironmentCredential(env), new ConfigFileCredential(environment: env)];
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<DefaultCredentialsProvider>();
    }

    /// <inheritdoc />
    /// <exception cref="ConfigFileException">The config file exists but is unreadable or malformed.</exception>
    public override async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var tried = new List<string>();
        if (_accessToken is not null && string.IsNullOrWhiteSpace(_accessToken))
        {
            tried.Add("the access token passed to DefaultCredentialsProvider: empty");
        }
        else if (_accessToken is null)
        {
            tried.Add("the access token passed to DefaultCredentialsProvider: none");
        }

        foreach (var source in _sources)
        {
            if (await source.TryResolveAsync(tried, cancellationToken).ConfigureAwait(false) is { } resolved)
            {
                LogSourceOnChange(resolved.Source);
                return resolved.Token;
            }
        }

        throw new CredentialUnavailableException(
            "No Kipu Quantum Hub token was found. Pass one (ApiKey, or new DefaultCredentialsProvider(accessToken)), set KQH_PERSONAL_ACCESS_TOKEN, or run 'qhubctl login'.",
            tried);
    }

    // Once per change of source, not on every request.
    private void LogSourceOnChange(string source)
    {
        if (!string.Equals(Interlocked.Exchange(ref _lastSource, source), source, StringComparison.Ordinal))
        {
            CredentialLog.UsingSource(_logger, source);
        }
    }
}
