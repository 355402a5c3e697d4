using KipuHub.Generated.Platform;

namespace KipuHub.Emulator.Platform;

/// <summary>
/// Who may see and change a data pool: invisible (404) outside its owner and the contexts it is shared with; VIEWER
/// may read, MAINTAINER may also change its files and grants, only the OWNER may share or delete it (403 otherwise).
/// </summary>
internal static class DataPoolAccess
{
    public static IEnumerable<DataPoolRecord> VisibleTo(PlatformState state, string ownerKey)
        => state.DataPools.All.Where(p => p.PermissionOf(ownerKey) is not null).OrderBy(p => p.Ordinal);

    /// <summary>The pool the route names, if the caller may see it.</summary>
    public static DataPoolRecord Read(HttpContext context, PlatformState state)
    {
        var id = RequestRoute.Value(context, "dataPoolId");
        var pool = state.DataPools.FindAnyOwner(id);
        return pool?.PermissionOf(PlatformHttp.OwnerKey(context)) is not null
            ? pool
            : throw HttpProblemException.NotFound($"Data pool '{id}' was not found. Data pools are visible to the context that created them and to those it is shared with (check X-OrganizationId).");
    }

    public static DataPoolRecord Maintain(HttpContext context, PlatformState state)
    {
        var pool = Read(context, state);
        var permission = pool.PermissionOf(PlatformHttp.OwnerKey(context));
        return permission == AccessPermission.Owner || permission == AccessPermission.Maintainer
            ? pool
            : throw PlatformHttp.Forbidden($"Data pool '{pool.Id}' is shared with you as {permission}; changing it needs MAINTAINER or OWNER.");
    }

    public static DataPoolRecord Own(HttpContext context, PlatformState state)
    {
        var pool = Read(context, state);
        return pool.OwnerKey == PlatformHttp.OwnerKey(context)
            ? pool
            : throw PlatformHttp.Forbidden($"Only the owner of data pool '{pool.Id}' may do this; it is shared with you as {pool.PermissionOf(PlatformHttp.OwnerKey(context))}.");
    }
}
