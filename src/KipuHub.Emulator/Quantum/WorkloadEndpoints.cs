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
        var workload = Common(WorkloadType.Job, model.Id, model.BackendId, model.Status?.ToString(), model.CreatedAt, model.StartedAt, model.EndedAt, model.Tags);
        workload.Name = model.Name;
        workload.Provider = model.Provider;
        workload.SdkProvider = model.SdkProvider;
        workload.SessionId = model.SessionId;
        return workload;
    }

    private static Workload FromSession(SessionRecord session, DateTimeOffset now)
    {
        var model = session.ToModel(now);
        var workload = Common(WorkloadType.Session, model.Id, model.BackendId, model.Status?.ToString(), model.CreatedAt, model.StartedAt, model.ClosedAt, model.Tags);
        workload.Provider = model.Provider is { } p ? new JobProvider(p.ToString()) : (JobProvider?)null;
        workload.SdkProvider = model.SdkProvider is { } sdk ? new JobSdkProvider(sdk.ToString()) : (JobSdkProvider?)null;
        return workload;
    }

    /// <summary>What a job and a session report alike; a session ends when it is closed.</summary>
    private static Workload Common(
        WorkloadType type, string? id, string? backendId, string? status, DateTimeOffset? createdAt, DateTimeOffset? startedAt, DateTimeOffset? endedAt, ICollection<string>? tags)
        => new()
        {
            Type = type,
            Id = id,
            BackendId = backendId,
            Status = status,
            CreatedAt = createdAt,
            StartedAt = startedAt,
            EndedAt = endedAt,
            Tags = tags,
        };
}
