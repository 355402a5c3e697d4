namespace KipuHub.Emulator;

/// <summary>A user of the emulated Hub: the personal access token the Quantum API accepts in <c>X-Auth-Token</c>.</summary>
/// <remarks>
/// Each user has a personal context; jobs and sessions created without <c>X-OrganizationId</c> belong to it and are
/// invisible to other users. A user may act in an organization only if <see cref="OrganizationIds"/> allows it.
/// </remarks>
public sealed class EmulatorUser
{
    /// <summary>Creates a user.</summary>
    /// <param name="userId">The user's id, e.g. <c>alice</c>.</param>
    /// <param name="token">The personal access token; any non-empty string.</param>
    /// <exception cref="ArgumentException">An argument is null or blank.</exception>
    public EmulatorUser(string userId, string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        UserId = userId;
        Token = token;
    }

    /// <summary>The user's id.</summary>
    public string UserId { get; }

    /// <summary>The personal access token, sent as <c>X-Auth-Token</c>. Never logged or echoed by the emulator.</summary>
    public string Token { get; }

    /// <summary>
    /// The organizations this user belongs to; null (the default) means every organization in
    /// <see cref="KipuHubEmulatorOptions.OrganizationIds"/>. A request for any other organization gets 403.
    /// </summary>
    public IReadOnlyCollection<string>? OrganizationIds { get; init; }

    /// <summary>Returns the user id only; the token is a secret.</summary>
    /// <returns>A description without the token.</returns>
    public override string ToString() => $"EmulatorUser {UserId}";
}
