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
        var name = PlatformHttp.UniqueName(body.Name, hub.Platform.DataPools.OwnedBy(owner), p => p.Name, null, "A data pool");
        var pool = new DataPoolRecord { Id = Guid.NewGuid().ToString(), OwnerKey = owner, Ordinal = hub.NextOrdinal(), CreatedAt = hub.Now };
        pool.Describe(name, body.ShortDescription, body.Description);
        hub.Platform.DataPools.Add(pool);
        await PlatformHttp.Created(context, pool.ToModel(owner)).ConfigureAwait(false);
    }

    private static async Task UpdateAsync(HttpContext context, HubRuntime hub)
    {
        var pool = DataPoolAccess.Maintain(context, hub.Platform);
        var body = await PlatformHttp.ReadAsync<UpdateDataPoolRequest>(context, hub).ConfigureAwait(false);
        var name = body.Name is null ? null : PlatformHttp.UniqueName(body.Name, hub.Platform.DataPools.OwnedBy(pool.OwnerKey), p => p.Name, pool.Id, "A data pool");
        pool.Describe(name, body.ShortDescription, body.Description);
        await PlatformHttp.Ok(context, pool.ToModel(PlatformHttp.OwnerKey(context))).ConfigureAwait(false);
    }
}
