using KipuHub.Credentials.Internal;
using KipuHub.Internal;

namespace KipuHub.Credentials;

/// <summary>
/// Resolves the current <see cref="HubContext"/> from the config file and the environment, like the Python SDK's
/// <c>ContextResolver</c>.
/// </summary>
/// <remarks>
/// The organization is <c>KQH_ORGANIZATION_ID</c>, else <c>PLANQK_ORGANIZATION_ID</c>, else the saved context's id
/// when that context is an organization (service-api.md §7.4). The config file is found as
/// <see cref="ConfigFileCredential"/> finds it.
/// </remarks>
public sealed class ContextResolver
{
    /// <summary>The variable naming the organization.</summary>
    public const string OrganizationVariable = "KQH_ORGANIZATION_ID";

    /// <summary>The legacy variable naming the organization.</summary>
    public const string LegacyOrganizationVariable = "PLANQK_ORGANIZATION_ID";

    private readonly CredentialEnvironment _environment;
    private readonly ConfigFileCredential _configFile;
    private readonly string? _path;

    /// <summary>Creates the resolver.</summary>
    /// <param name="environment">Where to read variables and the home directory; <see langword="null"/> for the current process.</param>
    /// <param name="configFilePath">The config file to read; <see langword="null"/> to find it the usual way.</param>
    public ContextResolver(CredentialEnvironment? environment = null, string? configFilePath = null)
    {
        _environment = environment ?? CredentialEnvironment.Current;
        _path = string.IsNullOrWhiteSpace(configFilePath) ? null : configFilePath;
        _configFile = new ConfigFileCredential(_path, _environment);
    }

    /// <summary>Resolves the context.</summary>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The context, or <see langword="null"/> when there is neither a saved context nor an organization variable.</returns>
    /// <exception cref="ConfigFileException">The config file exists but is unreadable or malformed.</exception>
    /// <exception cref="CredentialUnavailableException"><c>KQH_ORGANIZATION_ID</c> or <c>PLANQK_ORGANIZATION_ID</c> holds a character that cannot be sent in a header (a line break, a control or non-ASCII character).</exception>
    public async Task<HubContext?> ResolveAsync(CancellationToken cancellationToken = default)
    {
        var fromEnvironment = OrganizationFromEnvironment();
        var path = _path ?? ConfigFileLocator.Locate(_environment, []);
        // A file that exists but cannot be read is an error here too, not "no context" (the same ConfigFileException
        // the credential throws): silently returning null would scope requests to the personal account instead.
        var saved = path is not null && ConfigFileReader.Exists(path)
            ? (await _configFile.ReadAsync(path, cancellationToken).ConfigureAwait(false)).Context
            : null;

        if (saved is null)
        {
            return fromEnvironment is null ? null : new HubContext(null, null, false, fromEnvironment, null);
        }

        var organizationId = fromEnvironment ?? (saved.IsOrganization ? saved.Id : null);
        return new HubContext(saved.Id, saved.DisplayName, saved.IsOrganization, organizationId, path);
    }

    // The id is sent as the X-OrganizationId header: a set variable that could not be sent is an error, not a fallback.
    private string? OrganizationFromEnvironment()
    {
        foreach (var name in new[] { OrganizationVariable, LegacyOrganizationVariable })
        {
            if (_environment.GetEnvironmentVariable(name) is { } value)
            {
                return HeaderValue.IsValid(value)
                    ? value
                    : throw new CredentialUnavailableException(
                        $"The environment variable {name} {HeaderValue.Problem}, so it cannot be sent as the organization id. Set it to the organization id alone (no line breaks), or unset it.",
                        [$"environment variable {name}: not a usable organization id"]);
            }
        }

        return null;
    }

    /// <summary>Resolves the organization to scope requests to.</summary>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The organization id, or <see langword="null"/> for the personal account.</returns>
    /// <exception cref="ConfigFileException">The config file exists but is unreadable or malformed.</exception>
    /// <exception cref="CredentialUnavailableException"><c>KQH_ORGANIZATION_ID</c> or <c>PLANQK_ORGANIZATION_ID</c> holds a character that cannot be sent in a header (a line break, a control or non-ASCII character).</exception>
    public async Task<string?> GetOrganizationIdAsync(CancellationToken cancellationToken = default) =>
        (await ResolveAsync(cancellationToken).ConfigureAwait(false))?.OrganizationId;
}
