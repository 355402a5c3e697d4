namespace KipuHub.Emulator.Http;

/// <summary>
/// Who is calling and in which context: an organization (from <c>X-OrganizationId</c>) or the user's personal context.
/// Jobs and sessions belong to exactly one context (<see cref="OwnerKey"/>) and are invisible (404) from any other.
/// </summary>
internal sealed record CallerContext(string UserId, string? OrganizationId)
{
    private const string ItemKey = "KipuHub.Emulator.Caller";

    public string OwnerKey => OrganizationId is null ? "user:" + UserId : "org:" + OrganizationId;

    public void AttachTo(HttpContext context) => context.Items[ItemKey] = this;

    /// <summary>The caller the auth middleware attached; every authenticated route has one.</summary>
    public static CallerContext Of(HttpContext context)
        => context.Items.TryGetValue(ItemKey, out var value) && value is CallerContext caller
            ? caller
            : throw new InvalidOperationException("No caller is attached; the route is missing from the auth middleware's prefixes.");
}
