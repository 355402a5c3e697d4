using KipuHub.Generated.Quantum;

namespace KipuHub.Emulator.Quantum;

/// <summary>The session operations (<c>/sessions/...</c>) and the service-execution scoped get and close.</summary>
internal static class SessionEndpoints
{
    private const string ScopedPrefix = "/service-executions/{serviceExecutionId}/sessions/{sessionId}";

    public static void Map(IEndpointRouteBuilder quantum, HubRuntime hub)
    {
        quantum.MapPost("/sessions", ctx => CreateAsync(ctx, hub));
        quantum.MapGet("/sessions/{id}", ctx => Write(ctx, hub, Find(ctx, hub, "id", null).ToModel(hub.Now)));
        quantum.MapPatch("/sessions/{id}", ctx => UpdateStateAsync(ctx, hub));
        quantum.MapGet("/sessions/{id}/status", ctx => Write(ctx, hub, new SessionStatusResponse { Status = Find(ctx, hub, "id", null).StatusAt(hub.Now) }));
        quantum.MapGet("/sessions/{id}/jobs", ctx => Write(ctx, hub, Find(ctx, hub, "id", null).Jobs.OrderBy(j => j.Ordinal).Select(j => j.ToModel(hub.Now)).ToList()));
        quantum.MapPost("/sessions/{id}/close", ctx => Close(ctx, hub, Find(ctx, hub, "id", null)));

        quantum.MapGet(ScopedPrefix, ctx => Write(ctx, hub, Find(ctx, hub, "sessionId", Scope(ctx, hub)).ToModel(hub.Now)));
        quantum.MapPost(ScopedPrefix + "/close", ctx => Close(ctx, hub, Find(ctx, hub, "sessionId", Scope(ctx, hub))));
    }

    private static Task Write(HttpContext context, HubRuntime hub, object body) => NewtonsoftJson.WriteAsync(context, 200, body);

    private static Task Close(HttpContext context, HubRuntime hub, SessionRecord session)
    {
        session.Close(hub.Now);
        return Write(context, hub, session.ToModel(hub.Now));
    }

    private static SessionRecord Find(HttpContext context, HubRuntime hub, string routeKey, string? scope)
    {
        var id = RequestRoute.Value(context, routeKey);
        var session = hub.Sessions.Find(id, CallerContext.Of(context).OwnerKey);
        if (session is null || (scope is not null && session.ServiceExecutionId != scope))
        {
            throw HttpProblemException.NotFound($"Session '{id}' was not found{(scope is null ? string.Empty : $" in service execution '{scope}'")}. Sessions are visible only in the context that created them (check X-OrganizationId).");
        }

        return session;
    }

    private static string Scope(HttpContext context, HubRuntime hub)
    {
        var id = RequestRoute.Value(context, "serviceExecutionId");
        return hub.Executions.Find(id) is not null ? id : throw HttpProblemException.NotFound($"Service execution '{id}' was not found.");
    }

    private static async Task UpdateStateAsync(HttpContext context, HubRuntime hub)
    {
        var session = Find(context, hub, "id", null);
        var body = await NewtonsoftJson.ReadObjectAsync(context, hub.Options.MaxRequestBodyBytes).ConfigureAwait(false);
        if (body["accept_jobs"] is not JValue { Type: JTokenType.Boolean } accept)
        {
            throw HttpProblemException.BadRequest("The body must be {\"accept_jobs\": true} or {\"accept_jobs\": false}.");
        }

        session.SetAcceptJobs(accept.Value<bool>(), hub.Now);
        await Write(context, hub, session.ToModel(hub.Now)).ConfigureAwait(false);
    }

    private static async Task CreateAsync(HttpContext context, HubRuntime hub)
    {
        var body = await NewtonsoftJson.ReadObjectAsync(context, hub.Options.MaxRequestBodyBytes).ConfigureAwait(false);
        foreach (var name in new[] { "backend_id", "mode", "provider" })
        {
            if (body[name] is not JValue { Type: JTokenType.String })
            {
                throw HttpProblemException.BadRequest($"The field '{name}' is required and must be a string. A session needs backend_id, mode (batch or dedicated) and provider.");
            }
        }

        var request = NewtonsoftJson.ToModel<CreateSessionRequest>(body);
        var backend = CheckBackend(hub, request);
        var ttl = CheckTtl(hub, request.Ttl);
        var executionId = NewtonsoftJson.Header(context, "X-Service-Execution-Id");
        if (executionId is not null && hub.Executions.Find(executionId) is null)
        {
            throw HttpProblemException.NotFound($"Service execution '{executionId}' (X-Service-Execution-Id) was not found.");
        }

        var now = hub.Now;
        var session = new SessionRecord
        {
            Id = Guid.NewGuid().ToString(),
            Ordinal = hub.NextOrdinal(),
            OwnerKey = CallerContext.Of(context).OwnerKey,
            Backend = backend,
            Mode = request.Mode,
            Tags = request.Tags?.ToArray(),
            Metadata = body["metadata"]?.DeepClone(),
            SdkProvider = request.SdkProvider,
            ServiceExecutionId = executionId,
            CreatedAt = now,
            ExpiresAt = now + ttl,
            ProviderId = backend.Provider == BackendProvider.Aws ? "arn:aws:braket:us-east-1:000000000000:job/" + Guid.NewGuid() : Guid.NewGuid().ToString("N"),
        };
        hub.Sessions.Add(session);
        context.Response.Headers.Location = $"{context.Request.PathBase}{context.Request.Path.Value!.TrimEnd('/')}/{session.Id}";
        await NewtonsoftJson.WriteAsync(context, 201, session.ToModel(now)).ConfigureAwait(false);
    }

    private static BackendDefinition CheckBackend(HubRuntime hub, CreateSessionRequest request)
    {
        var backend = hub.Catalog.Find(request.BackendId)
            ?? throw HttpProblemException.Unprocessable($"Backend '{request.BackendId}' does not exist. GET /backends lists the backends.");
        if (!backend.SupportsSessions)
        {
            throw HttpProblemException.Unprocessable($"Backend '{backend.Id}' does not support sessions. Submit jobs to it without a session.");
        }

        if (!string.Equals(request.Provider.ToString(), backend.Provider.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            throw HttpProblemException.Unprocessable($"provider is {request.Provider}, but backend '{backend.Id}' belongs to {backend.Provider}.");
        }

        // Spelled as the spec's enum: the extensible enum's own equality ignores case, the Hub's enum does not.
        if (request.Mode.ToString() is not ("batch" or "dedicated"))
        {
            throw HttpProblemException.Unprocessable($"mode '{request.Mode}' is not a session mode; use 'batch' or 'dedicated'.");
        }

        if (!backend.AcceptsJobs)
        {
            throw HttpProblemException.Unprocessable($"Backend '{backend.Id}' is {backend.Status}; a session on it could never run a job.");
        }

        return backend;
    }

    private static TimeSpan CheckTtl(HubRuntime hub, int? ttl)
    {
        if (ttl is not { } seconds)
        {
            return hub.Options.DefaultSessionTtl;
        }

        var max = (int)hub.Options.MaxSessionTtl.TotalSeconds;
        return seconds >= 1 && seconds <= max
            ? TimeSpan.FromSeconds(seconds)
            : throw HttpProblemException.Unprocessable($"ttl is {seconds} s; a session lives 1 to {max} seconds.");
    }
}
