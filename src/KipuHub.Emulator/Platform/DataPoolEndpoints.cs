using KipuHub.Generated.Platform;

namespace KipuHub.Emulator.Platform;

/// <summary><c>data_pools</c>: create, list, read, update and delete data pools (files: <see cref="DataPoolFileEndpoints"/>).</summary>
internal static class DataPoolEndpoints
{
    public static void Register(PlatformHandlers handlers, HubRuntime hub)
    {
        var state = hub.Platform;
        handlers.Add("getDataPools", ctx =>
        {
            var caller = PlatformHttp.OwnerKey(ctx);
            return PlatformHttp.Ok(ctx, DataPoolAccess.VisibleTo(state, caller).Select(p => p.ToModel(caller)).ToList());
        });
        handlers.Add("createDataPool", ctx => CreateAsync(ctx, hub));
        handlers.Add("getDataPool", ctx => PlatformHttp.Ok(ctx, DataPoolAccess.Read(ctx, state).ToModel(PlatformHttp.OwnerKey(ctx))));
        handlers.Add("updateDataPool", ctx => UpdateAsync(ctx, hub));
        handlers.Add("deleteDataPool", ctx =>
        {
            var pool = DataPoolAccess.Own(ctx, state);
            state.DataPools.Remove(pool.Id);
            foreach (var file in pool.Files.Values)
            {
                FileStorage.TryDelete(file.StoragePath);
            }

            return PlatformHttp.NoContent(ctx);
        });
    }

    private static async Task CreateAsync(HttpContext context, HubRuntime hub)
    {
        var body = await PlatformHttp.ReadAsync<CreateDataPoolRequest>(context, hub).ConfigureAwait(false);
        var owner = PlatformHttp.OwnerKey(context);
        var name = PlatformHttp.Required(body.Name, "name");
        RequireUniqueName(hub.Platform, owner, name, null);
        var pool = new DataPoolRecord { Id = Guid.NewGuid().ToString(), OwnerKey = owner, Ordinal = hub.NextOrdinal(), CreatedAt = hub.Now };
        pool.Describe(name, body.ShortDescription, body.Description);
        hub.Platform.DataPools.Add(pool);
        await PlatformHttp.Created(context, pool.ToModel(owner)).ConfigureAwait(false);
    }

    private static async Task UpdateAsync(HttpContext context, HubRuntime hub)
    {
        var pool = DataPoolAccess.Maintain(context, hub.Platform);
        var body = await PlatformHttp.ReadAsync<UpdateDataPoolRequest>(context, hub).ConfigureAwait(false);
        var name = body.Name is null ? null : PlatformHttp.Required(body.Name, "name");
        if (name is not null)
        {
            RequireUniqueName(hub.Platform, pool.OwnerKey, name, pool.Id);
        }

        pool.Describe(name, body.ShortDescription, body.Description);
        await PlatformHttp.Ok(context, pool.ToModel(PlatformHttp.OwnerKey(context))).ConfigureAwait(false);
    }

    // Names are unique per owner, like folders: the one place the spec's 409 on create can happen here.
    private static void RequireUniqueName(PlatformState state, string owner, string name, string? except)
    {
        if (state.DataPools.OwnedBy(owner).Any(p => p.Id != except && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw PlatformHttp.Conflict($"A data pool named '{name}' already exists in this context; choose another name.");
        }
    }
}
