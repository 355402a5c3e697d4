namespace KipuHub.Credentials.Internal;

/// <summary>The config file's <c>context</c>: the account <c>qhubctl set-context</c> chose.</summary>
/// <param name="Id">The user or organization id.</param>
/// <param name="DisplayName">Its display name.</param>
/// <param name="IsOrganization">Whether it is an organization.</param>
internal sealed record ConfigFileContext(string? Id, string? DisplayName, bool IsOrganization);
