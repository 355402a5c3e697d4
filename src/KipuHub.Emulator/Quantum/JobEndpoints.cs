using KipuHub.Generated.Quantum;

namespace KipuHub.Emulator.Quantum;

/// <summary>
/// The job operations, twice: plain (<c>/jobs/...</c>, optionally scoped by the legacy <c>X-Service-Execution-Id</c>
/// header) and service-execution scoped (<c>/service-executions/{id}/jobs/...</c>).
/// </summary>
internal static class JobEndpoints
{
    private const string ScopedPrefix = "/service-executions/{serviceExecutionId}/jobs";

    public static void Map(IEndpointRouteBuilder quantum, HubRuntime hub)
    {
        quantum.MapGet("/jobs", ctx => SearchAsync(ctx, hub, HeaderScope(ctx, hub)));
        quantum.MapPost("/jobs", ctx => CreateAsync(ctx, hub, null));
        MapJobRoutes(quantum, "/jobs/{id}", hub, ctx => (RequestRoute.Value(ctx, "id"), HeaderScope(ctx, hub)));

        quantum.MapGet(ScopedPrefix, ctx => SearchAsync(ctx, hub, PathScope(ctx, hub)));
        quantum.MapPost(ScopedPrefix, ctx => CreateAsync(ctx, hub, PathScope(ctx, hub)));
        MapJobRoutes(quantum, ScopedPrefix + "/{jobId}", hub, ctx => (RequestRoute.Value(ctx, "jobId"), PathScope(ctx, hub)));
    }

    /// <summary>The job record for a request, or 404 if it is absent, another context's, or outside the scope.</summary>
    public static JobRecord Find(HttpContext context, HubRuntime hub, string id, string? scope)
    {
        var job = hub.Jobs.Find(id, CallerContext.Of(context).OwnerKey);
        if (job is null || (scope is not null && job.ServiceExecutionId != scope))
        {
            throw HttpProblemException.NotFound($"Job '{id}' was not found{(scope is null ? string.Empty : $" in service execution '{scope}'")}. Jobs are visible only in the context that created them (check X-OrganizationId).");
        }

        return job;
    }

    private static void MapJobRoutes(IEndpointRouteBuilder quantum, string prefix, HubRuntime hub, Func<HttpContext, (string Id, string? Scope)> target)
    {
        quantum.MapGet(prefix, ctx => WithJob(ctx, hub, target, job => NewtonsoftJson.WriteAsync(ctx, 200, job.ToModel(hub.Now))));
        quantum.MapDelete(prefix, ctx => WithJob(ctx, hub, target, job => CancelAsync(ctx, hub, job)));
        quantum.MapGet(prefix + "/status", ctx => WithJob(ctx, hub, target, job =>
            NewtonsoftJson.WriteAsync(ctx, 200, new JobStatusResponse { Status = job.StateAt(hub.Now).Status })));
        quantum.MapGet(prefix + "/result", ctx => WithJob(ctx, hub, target, job => WriteResultAsync(ctx, hub, job, "application/json")));
        quantum.MapGet(prefix + "/result-stream", ctx => WithJob(ctx, hub, target, job => WriteResultAsync(ctx, hub, job, "application/octet-stream")));
        quantum.MapGet(prefix + "/input", ctx => WithJob(ctx, hub, target, job =>
            NewtonsoftJson.WriteAsync(ctx, 200, new JValue(job.InputJson))));
        quantum.MapGet(prefix + "/calibration", ctx => WithJob(ctx, hub, target, job =>
        {
            var state = job.StateAt(hub.Now);
            return NewtonsoftJson.WriteAsync(ctx, 200, CalibrationGenerator.For(job.Backend, state.StartedAt ?? job.CreatedAt, hub.Now));
        }));
    }

    private static Task WithJob(HttpContext context, HubRuntime hub, Func<HttpContext, (string Id, string? Scope)> target, Func<JobRecord, Task> action)
    {
        var (id, scope) = target(context);
        return action(Find(context, hub, id, scope));
    }

    private static Task SearchAsync(HttpContext context, HubRuntime hub, string? scope)
    {
        var now = hub.Now;
        var jobs = hub.Jobs.OwnedBy(CallerContext.Of(context).OwnerKey)
            .Where(j => scope is null || j.ServiceExecutionId == scope)
            .Select(j => (j.ToModel(now), j.Ordinal));
        return NewtonsoftJson.WriteAsync(context, 200, ListPage.Create<PageResponseJob, Job>(
            context, jobs, "id", "name", "backend_id", "provider", "status", "shots", "session_id", "created_at", "started_at", "ended_at"));
    }

    private static async Task CreateAsync(HttpContext context, HubRuntime hub, string? scope)
    {
        var body = await NewtonsoftJson.ReadObjectAsync(context, hub.Options.MaxRequestBodyBytes).ConfigureAwait(false);
        var job = JobSubmission.Submit(hub, body, CallerContext.Of(context).OwnerKey, scope);
        context.Response.Headers.Location = $"{context.Request.PathBase}{context.Request.Path.Value!.TrimEnd('/')}/{job.Id}";
        await NewtonsoftJson.WriteAsync(context, 201, job.ToModel(hub.Now)).ConfigureAwait(false);
    }

    private static Task CancelAsync(HttpContext context, HubRuntime hub, JobRecord job)
    {
        var outcome = job.RequestCancel(hub.Now);
        if (outcome == CancelOutcome.AlreadyEnded)
        {
            throw HttpProblemException.Unprocessable($"Job '{job.Id}' already ended ({job.StateAt(hub.Now).Status}) and cannot be cancelled.");
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary>Streams the result document in chunks; a job that has not COMPLETED has no result (422).</summary>
    private static async Task WriteResultAsync(HttpContext context, HubRuntime hub, JobRecord job, string contentType)
    {
        var state = job.StateAt(hub.Now);
        var failed = state.Status == JobStatus.Failed && job.PlannedFailure is not null;
        if (state.Status != JobStatus.Completed && !failed)
        {
            throw HttpProblemException.Unprocessable($"Job '{job.Id}' is {state.Status} and has no result. Poll GET /jobs/{{id}}/status until it is COMPLETED.");
        }

        // A FAILED job answers 200 with its failure document, as the Hub does (hub-facts-2026.md Quantum API 4).
        var document = failed ? job.FailureResult(state) : job.Result;
        context.Response.StatusCode = 200;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = document.Length;
        if (contentType == "application/octet-stream")
        {
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{job.Id}-result.json\"";
        }

        await document.WriteToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private static string? HeaderScope(HttpContext context, HubRuntime hub)
    {
        var scope = NewtonsoftJson.Header(context, "X-Service-Execution-Id");
        return scope is null ? null : RequireExecution(hub, scope);
    }

    private static string PathScope(HttpContext context, HubRuntime hub) => RequireExecution(hub, RequestRoute.Value(context, "serviceExecutionId"));

    private static string RequireExecution(HubRuntime hub, string id)
        => hub.Executions.Find(id) is not null
            ? id
            : throw HttpProblemException.NotFound($"Service execution '{id}' was not found. Start one through a service gateway first.");
}
