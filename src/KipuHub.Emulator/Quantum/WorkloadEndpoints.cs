using KipuHub.Generated.Quantum;

namespace KipuHub.Emulator.Quantum;

/// <summary><c>GET /workloads</c>: the caller's jobs and sessions as one page, tagged JOB or SESSION.</summary>
internal static class WorkloadEndpoints
{
    private static readonly Dictionary<string, Func<(Workload Item, long Ordinal), object?>> SortKeys = new()
    {
        ["id"] = w => w.Item.Id,
        ["type"] = w => w.Item.Type?.ToString(),
        ["name"] = w => w.Item.Name,
        ["backend_id"] = w => w.Item.BackendId,
        ["provider"] = w => w.Item.Provider?.ToString(),
        ["status"] = w => w.Item.Status,
        ["created_at"] = w => w.Item.CreatedAt,
        ["started_at"] = w => w.Item.StartedAt,
        ["ended_at"] = w => w.Item.EndedAt,
    };

    public static void Map(IEndpointRouteBuilder quantum, HubRuntime hub)
        => quantum.MapGet("/workloads", ctx => ListAsync(ctx, hub));

    private static Task ListAsync(HttpContext context, HubRuntime hub)
    {
        var paging = PageRequest.Parse(context, SortKeys.Keys);
        var owner = CallerContext.Of(context).OwnerKey;
        var now = hub.Now;
        var items = hub.Jobs.OwnedBy(owner).Select(j => (Item: FromJob(j, now), j.Ordinal))
            .Concat(hub.Sessions.OwnedBy(owner).Select(s => (Item: FromSession(s, now), s.Ordinal)));
        var (content, total, pages) = paging.Apply(items, SortKeys, w => w.Ordinal);
        return NewtonsoftJson.WriteAsync(context, 200, new PageResponseWorkload
        {
            Content = content.Select(w => w.Item).ToList(),
            Page = paging.Page,
            Size = paging.Size,
            TotalElements = total,
            TotalPages = pages,
        });
    }

    private static Workload FromJob(JobRecord job, DateTimeOffset now)
    {
        var model = job.ToModel(now);
        return new Workload
        {
            Type = WorkloadType.Job,
            Id = model.Id,
            Name = model.Name,
            BackendId = model.BackendId,
            Provider = model.Provider,
            Status = model.Status?.ToString(),
            SdkProvider = model.SdkProvider,
            SessionId = model.SessionId,
            CreatedAt = model.CreatedAt,
            StartedAt = model.StartedAt,
            EndedAt = model.EndedAt,
            Tags = model.Tags,
        };
    }

    private static Workload FromSession(SessionRecord session, DateTimeOffset now)
    {
        var model = session.ToModel(now);
        return new Workload
        {
            Type = WorkloadType.Session,
            Id = model.Id,
            BackendId = model.BackendId,
            Provider = model.Provider is { } p ? new JobProvider(p.ToString()) : (JobProvider?)null,
            Status = model.Status?.ToString(),
            SdkProvider = model.SdkProvider is { } sdk ? new JobSdkProvider(sdk.ToString()) : (JobSdkProvider?)null,
            CreatedAt = model.CreatedAt,
            StartedAt = model.StartedAt,
            EndedAt = model.ClosedAt,
            Tags = model.Tags,
        };
    }
}
