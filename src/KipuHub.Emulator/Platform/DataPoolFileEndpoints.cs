using System.Globalization;

namespace KipuHub.Emulator.Platform;

/// <summary>Data pool files: multipart upload streamed to disk, listing, streamed download, delete.</summary>
internal static class DataPoolFileEndpoints
{
    public static void Register(PlatformHandlers handlers, HubRuntime hub)
    {
        var state = hub.Platform;
        handlers.Add("getDataPoolFiles", ctx => PlatformHttp.Ok(ctx, DataPoolAccess.Read(ctx, state).Files.Values
            .OrderBy(f => f.Ordinal).Select(f => f.ToModel()).ToList()));
        handlers.Add("addDataPoolFile", ctx => UploadAsync(ctx, hub));
        handlers.Add("getDataPoolFile", ctx => DownloadAsync(ctx, Find(ctx, DataPoolAccess.Read(ctx, state))));
        handlers.Add("deleteDataPoolFile", ctx =>
        {
            var pool = DataPoolAccess.Maintain(ctx, state);
            var file = Find(ctx, pool);
            pool.Files.TryRemove(file.Id, out _);
            FileStorage.TryDelete(file.StoragePath);
            return PlatformHttp.NoContent(ctx);
        });
    }

    private static async Task UploadAsync(HttpContext context, HubRuntime hub)
    {
        var pool = DataPoolAccess.Maintain(context, hub.Platform);
        var file = await SaveAsync(context, hub, pool).ConfigureAwait(false);
        await PlatformHttp.Created(context, file.ToModel()).ConfigureAwait(false);
    }

    /// <summary>Streams the upload to a fresh path and adds the file; on any failure the partial bytes are deleted.</summary>
    private static async Task<DataPoolFileRecord> SaveAsync(HttpContext context, HubRuntime hub, DataPoolRecord pool)
    {
        var path = hub.Platform.Files.NewPath();
        try
        {
            var part = await MultipartUpload.SaveAsync(context, path, hub.Options.MaxDataPoolFileBytes).ConfigureAwait(false);
            var name = FileName(context.Request.Query["filename"].ToString(), part.FileName);
            var file = new DataPoolFileRecord(Guid.NewGuid().ToString(), pool.Id, name, part.ContentType, part.Length, hub.Now, hub.NextOrdinal(), path);
            // Names are unique within a pool; checked after the upload so the check and the insert are one step.
            lock (pool.Files)
            {
                if (pool.Files.Values.Any(f => string.Equals(f.Name, name, StringComparison.Ordinal)))
                {
                    throw PlatformHttp.Conflict($"Data pool '{pool.Id}' already has a file named '{name}'. Delete it first or upload under another name.");
                }

                pool.Files[file.Id] = file;
            }

            return file;
        }
        catch
        {
            FileStorage.TryDelete(path);
            throw;
        }
    }

    private static async Task DownloadAsync(HttpContext context, DataPoolFileRecord file)
    {
        var stream = new FileStream(file.StoragePath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = file.ContentType;
            context.Response.ContentLength = file.Length;
            context.Response.Headers.ContentDisposition = "attachment; filename=\"" + file.Name.Replace("\"", string.Empty, StringComparison.Ordinal) + "\"";
            await stream.CopyToAsync(context.Response.Body, 81920, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static DataPoolFileRecord Find(HttpContext context, DataPoolRecord pool)
    {
        var id = RequestRoute.Value(context, "fileId");
        return pool.Files.TryGetValue(id, out var file)
            ? file
            : throw HttpProblemException.NotFound($"Data pool '{pool.Id}' has no file '{id}'. GET /datapools/{pool.Id}/files lists its files.");
    }

    // The query parameter wins (the SDKs send it when the caller names the file), then the part's own file name.
    private static string FileName(string? query, string? part)
    {
        var name = !string.IsNullOrWhiteSpace(query) ? query : part;
        name = string.IsNullOrWhiteSpace(name) ? "file" : Path.GetFileName(name.Trim());
        return name.Length == 0 ? "file-" + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture) : name;
    }
}
