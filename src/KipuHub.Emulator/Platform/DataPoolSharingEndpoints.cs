using System.Security.Cryptography;
using KipuHub.Generated.Platform;

namespace KipuHub.Emulator.Platform;

/// <summary>
/// <c>data_pool_shares</c> (the owner makes a pool visible to a user's personal context or an organization) and
/// <c>data_pool_grants</c> (short-lived tokens that let a service or execution read or write a pool).
/// </summary>
internal static class DataPoolSharingEndpoints
{
    private const int DefaultGrantSeconds = 3600;
    private const int MaxGrantSeconds = 86400;

    public static void Register(PlatformHandlers handlers, HubRuntime hub)
    {
        var state = hub.Platform;
        handlers.Add("getDataPoolShares", ctx => PlatformHttp.Ok(ctx, DataPoolAccess.Maintain(ctx, state).Shares.Values
            .OrderBy(s => s.CreatedAt).Select(s => s.ToModel()).ToList()));
        handlers.Add("createDataPoolShare", ctx => ShareAsync(ctx, hub));
        handlers.Add("updateDataPoolShare", async ctx =>
        {
            var pool = DataPoolAccess.Own(ctx, state);
            var share = FindShare(ctx, pool);
            var body = await PlatformHttp.ReadAsync<UpdateShareRequest>(ctx, hub).ConfigureAwait(false);
            share.Permission = SharePermission(body.Permission);
            await PlatformHttp.Ok(ctx, share.ToModel()).ConfigureAwait(false);
        });
        handlers.Add("deleteDataPoolShare", ctx =>
        {
            var pool = DataPoolAccess.Own(ctx, state);
            pool.Shares.TryRemove(FindShare(ctx, pool).Id, out _);
            return PlatformHttp.NoContent(ctx);
        });

        handlers.Add("getDataPoolGrants", ctx => PlatformHttp.Ok(ctx, DataPoolAccess.Maintain(ctx, state).Grants.Values
            .OrderBy(g => g.CreatedAt).ToList()));
        handlers.Add("createDataPoolGrant", ctx => GrantAsync(ctx, hub));
        handlers.Add("getDataPoolGrant", ctx => PlatformHttp.Ok(ctx, FindGrant(ctx, DataPoolAccess.Maintain(ctx, state))));
        handlers.Add("deleteDataPoolGrant", ctx =>
        {
            var pool = DataPoolAccess.Maintain(ctx, state);
            pool.Grants.TryRemove(FindGrant(ctx, pool).Id!, out _);
            return PlatformHttp.NoContent(ctx);
        });
    }

    private static async Task ShareAsync(HttpContext context, HubRuntime hub)
    {
        var pool = DataPoolAccess.Own(context, hub.Platform);
        var body = await PlatformHttp.ReadAsync<CreateShareRequest>(context, hub).ConfigureAwait(false);
        var principal = PlatformHttp.Required(body.PrincipalId, "principalId");
        var share = new DataPoolShareRecord
        {
            Id = Guid.NewGuid().ToString(),
            Ordinal = hub.NextOrdinal(),
            DataPoolId = pool.Id,
            PrincipalId = principal,
            PrincipalType = PrincipalKind(hub, body.PrincipalType, principal),
            Permission = SharePermission(body.Permission ?? AccessPermission.Viewer),
            CreatedAt = hub.Now,
        };
        if (share.PrincipalKey == pool.OwnerKey)
        {
            throw HttpProblemException.BadRequest($"Data pool '{pool.Id}' belongs to {principal} already; share it with another user or organization.");
        }

        lock (pool.Shares)
        {
            if (pool.Shares.Values.Any(s => s.PrincipalKey == share.PrincipalKey))
            {
                throw PlatformHttp.Conflict($"Data pool '{pool.Id}' is already shared with {share.PrincipalType} '{principal}'; update that share instead.");
            }

            pool.Shares[share.Id] = share;
        }

        await PlatformHttp.Created(context, share.ToModel()).ConfigureAwait(false);
    }

    private static async Task GrantAsync(HttpContext context, HubRuntime hub)
    {
        var pool = DataPoolAccess.Maintain(context, hub.Platform);
        var body = await PlatformHttp.ReadAsync<CreateDataPoolGrantRequest>(context, hub).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(body.ServiceId) && string.IsNullOrWhiteSpace(body.ServiceExecutionId))
        {
            throw HttpProblemException.BadRequest("Name the grantee: 'serviceId' or 'serviceExecutionId'.");
        }

        var seconds = body.ExpiresInSeconds ?? DefaultGrantSeconds;
        if (seconds is < 1 or > MaxGrantSeconds)
        {
            throw HttpProblemException.BadRequest($"'expiresInSeconds' is {seconds}; it must be from 1 to {MaxGrantSeconds}.");
        }

        var access = body.Access ?? DataPoolGrantAccess.Read;
        if (!access.IsKnown)
        {
            throw HttpProblemException.BadRequest($"'access' is '{access}'; it must be READ or WRITE.");
        }

        var grant = new DataPoolGrantDto
        {
            Id = Guid.NewGuid().ToString(),
            DataPoolId = pool.Id,
            ServiceId = body.ServiceId,
            ServiceExecutionId = body.ServiceExecutionId,
            Access = access,
            CreatedAt = hub.Now,
            ExpiresAt = hub.Now.AddSeconds(seconds),
        };
        pool.Grants[grant.Id] = grant;
        // The token exists only in this response, like a real grant's JWT: the stored grant (listed and read as it is)
        // never has one, so the response is a copy.
        grant = NewtonsoftJson.Copy(grant);
        grant.Token = "dpg_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await PlatformHttp.Created(context, grant).ConfigureAwait(false);
    }

    private static PrincipalType PrincipalKind(HubRuntime hub, PrincipalType type, string principal)
    {
        if (type == PrincipalType.Organization)
        {
            return hub.OrganizationIds.Contains(principal, StringComparer.Ordinal)
                ? type
                : throw HttpProblemException.BadRequest($"There is no organization '{principal}' to share with.");
        }

        if (type == PrincipalType.User)
        {
            return hub.Users.Any(u => u.UserId == principal)
                ? type
                : throw HttpProblemException.BadRequest($"There is no user '{principal}' to share with.");
        }

        throw HttpProblemException.BadRequest($"'principalType' is '{type}'; it must be USER or ORGANIZATION.");
    }

    private static AccessPermission SharePermission(AccessPermission permission)
        => permission == AccessPermission.Viewer || permission == AccessPermission.Maintainer
            ? permission
            : throw HttpProblemException.BadRequest($"A share's 'permission' is VIEWER or MAINTAINER, not '{permission}'.");

    private static DataPoolShareRecord FindShare(HttpContext context, DataPoolRecord pool)
    {
        var id = RequestRoute.Value(context, "shareId");
        return pool.Shares.TryGetValue(id, out var share)
            ? share
            : throw HttpProblemException.NotFound($"Data pool '{pool.Id}' has no share '{id}'.");
    }

    private static DataPoolGrantDto FindGrant(HttpContext context, DataPoolRecord pool)
    {
        var id = RequestRoute.Value(context, "grantId");
        return pool.Grants.TryGetValue(id, out var grant)
            ? grant
            : throw HttpProblemException.NotFound($"Data pool '{pool.Id}' has no grant '{id}'.");
    }
}
