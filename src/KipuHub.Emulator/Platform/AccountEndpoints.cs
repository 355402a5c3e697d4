using KipuHub.Generated.Platform;

namespace KipuHub.Emulator.Platform;

/// <summary><c>users.get_me</c>, <c>users.get_my_accounts</c> and the organizations the caller belongs to.</summary>
internal static class AccountEndpoints
{
    public static void Register(PlatformHandlers handlers, HubRuntime hub)
    {
        handlers.Add("getMe", ctx => PlatformHttp.Ok(ctx, Me(ctx)));
        handlers.Add("getMyAccounts", ctx => PlatformHttp.Ok(ctx, Accounts(ctx, hub)));
        handlers.Add("getOrganizations", ctx => PlatformHttp.Ok(ctx, MemberOf(ctx, hub).Select(Organization).ToList()));
        handlers.Add("getOrganization", ctx =>
        {
            var id = RequestRoute.Value(ctx, "organizationId");
            return MemberOf(ctx, hub).Contains(id, StringComparer.Ordinal)
                ? PlatformHttp.Ok(ctx, Organization(id))
                : throw HttpProblemException.NotFound($"Organization '{id}' was not found among the organizations you belong to.");
        });
    }

    private static UserDto Me(HttpContext context)
    {
        var userId = CallerContext.Of(context).UserId;
        return new UserDto
        {
            Id = userId,
            Username = userId,
            DisplayName = userId,
            Email = userId + "@users.emulator.local",
            CreatedAt = CatalogSeed.Origin,
        };
    }

    private static List<AccountDto> Accounts(HttpContext context, HubRuntime hub)
    {
        var userId = CallerContext.Of(context).UserId;
        var accounts = new List<AccountDto>
        {
            new() { Id = userId, DisplayName = userId, Role = "OWNER", IsOrganization = false, AccountType = new AccountTypeDto { Name = "PERSONAL" } },
        };
        accounts.AddRange(MemberOf(context, hub).Select(org => new AccountDto
        {
            Id = org,
            DisplayName = org,
            Role = "MEMBER",
            IsOrganization = true,
            AccountType = new AccountTypeDto { Name = "ORGANIZATION" },
        }));
        return accounts;
    }

    /// <summary>The organizations the caller's user may act in (all configured ones unless the user is restricted).</summary>
    private static IEnumerable<string> MemberOf(HttpContext context, HubRuntime hub)
    {
        var userId = CallerContext.Of(context).UserId;
        var user = hub.Users.First(u => u.UserId == userId);
        return hub.OrganizationIds.Where(org => user.OrganizationIds is null || user.OrganizationIds.Contains(org, StringComparer.Ordinal));
    }

    private static OrganizationDto Organization(string id) => new()
    {
        Id = id,
        Name = id,
        DisplayName = id,
        Role = OrganizationRole.Member,
        CreatedAt = CatalogSeed.Origin,
    };
}
