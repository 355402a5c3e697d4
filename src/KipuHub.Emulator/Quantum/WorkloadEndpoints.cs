using KipuHub.Generated.Quantum;

namespace KipuHub.Emulator.Quantum;

/// <summary><c>GET /workloads</c>: the caller's jobs and sessions as one page, tagged JOB or SESSION.</summary>
internal static class WorkloadEndpoints
{
    public static void Map(IEndpointRouteBuilder quantum, HubRuntime hub)
        => quantum.MapGet("/workloads", ctx => ListAsync(ctx, hub));

    private static Task ListAsync(HttpContext context, HubRuntime hub)
    {
        var owner = CallerContext.Of(context).OwnerKey;
        var now = hub.Now;
        var items = hub.Jobs.OwnedBy(owner).Select(j => (FromJob(j, now), j.Ordinal))
            .Concat(hub.Sessions.OwnedBy(owner).Select(s => (FromSession(s, now), s.Ordinal)));
        return NewtonsoftJson.WriteAsync(context, 200, ListPage.Create<PageResponseWorkload, Workload>(
            context, items, "id", "type", "name", "backend_id", "provider", "status", "created_at", "started_at", "ended_at"));
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
