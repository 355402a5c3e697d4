namespace KipuHub.Credentials;

/// <summary>
/// The account requests should act for: the context <c>qhubctl set-context</c> saved in the config file, combined
/// with <c>KQH_ORGANIZATION_ID</c> / <c>PLANQK_ORGANIZATION_ID</c>.
/// </summary>
public sealed class HubContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="id">The user or organization id saved in the config file, if any.</param>
    /// <param name="displayName">Its display name, if any.</param>
    /// <param name="isOrganization">Whether the saved context is an organization.</param>
    /// <param name="organizationId">The organization to scope requests to, or <see langword="null"/> for the personal account.</param>
    /// <param name="configFilePath">The config file the context came from, if any.</param>
    public HubContext(string? id, string? displayName, bool isOrganization, string? organizationId, string? configFilePath)
    {
        Id = id;
        DisplayName = displayName;
        IsOrganization = isOrganization;
        OrganizationId = organizationId;
        ConfigFilePath = configFilePath;
    }

    /// <summary>Gets the user or organization id saved in the config file (<c>context.id</c>), if any.</summary>
    public string? Id { get; }

    /// <summary>Gets the display name saved in the config file (<c>context.displayName</c>), if any.</summary>
    public string? DisplayName { get; }

    /// <summary>Gets whether the saved context is an organization (<c>context.isOrganization</c>).</summary>
    public bool IsOrganization { get; }

    /// <summary>
    /// Gets the organization to scope requests to: the organization variable when set (even for a personal context),
    /// else <see cref="Id"/> when the context is an organization, else <see langword="null"/>.
    /// </summary>
    /// <remarks>Pass it as <c>HubQuantumClientOptions.OrganizationId</c>; it becomes the <c>X-OrganizationId</c> header.</remarks>
    public string? OrganizationId { get; }

    /// <summary>Gets the config file the context came from, or <see langword="null"/> when there was none.</summary>
    public string? ConfigFilePath { get; }
}
