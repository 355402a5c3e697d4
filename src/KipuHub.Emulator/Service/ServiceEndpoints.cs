using KipuHub.Generated.Service;

namespace KipuHub.Emulator.Service;

/// <summary>
/// The Service API of each demo service under its gateway base URL <c>/gateway/{context}/{service}/{version}/</c>:
/// list and start at the base, then <c>{id}</c>, <c>{id}/result</c>, <c>{id}/result/{file}</c>, <c>{id}/log</c>,
/// <c>{id}/cancel</c>.
/// </summary>
internal static class ServiceEndpoints
{
    private const string Base = "/gateway/{context}/{service}/{version}";

    public static void Map(IEndpointRouteBuilder app, HubRuntime hub)
    {
        app.MapGet(Base, ctx => NewtonsoftJson.WriteAsync(ctx, 200, hub.Executions.ForService(Service(ctx)).Select(e => e.ToModel(hub.Now)).ToList()));
        app.MapPost(Base, ctx => StartAsync(ctx, hub));
        app.MapGet(Base + "/{id}", ctx => NewtonsoftJson.WriteAsync(ctx, 200, Find(ctx, hub).ToModel(hub.Now)));
        app.MapGet(Base + "/{id}/result", ctx => ResultAsync(ctx, hub));
        app.MapGet(Base + "/{id}/result/{file}", ctx => FileAsync(ctx, hub));
        app.MapGet(Base + "/{id}/log", ctx => NewtonsoftJson.WriteAsync(ctx, 200, Find(ctx, hub).LogsAt(hub.Now)
            .Select(l => new LogEntry { Timestamp = l.At, Severity = l.Severity, Message = l.Message }).ToList()));
        app.MapPut(Base + "/{id}/cancel", ctx =>
        {
            var execution = Find(ctx, hub);
            execution.Cancel(hub.Now);
            return NewtonsoftJson.WriteAsync(ctx, 200, execution.ToModel(hub.Now));
        });
    }

    private static async Task StartAsync(HttpContext context, HubRuntime hub)
    {
        var name = Service(context);
        var body = await NewtonsoftJson.ReadObjectAsync(context, hub.Options.MaxRequestBodyBytes).ConfigureAwait(false);
        NewtonsoftJson.ToModel<StartExecutionRequest>(body);
        var input = body["input"]?.DeepClone() ?? new JObject();
        var execution = new ServiceExecutionRecord
        {
            Id = Guid.NewGuid().ToString(),
            Ordinal = hub.NextOrdinal(),
            ServiceName = name,
            Kind = DemoServices.ByName[name],
            CreatedAt = hub.Now,
            Phases = new PhaseDurations(hub.Options.ServiceExecutionPendingDuration, hub.Options.ServiceExecutionRunningDuration, TimeSpan.Zero),
            Input = input,
            ForcedFailure = body["emulator_fail"] is JValue { Type: JTokenType.String } fail ? fail.Value<string>() : null,
        };
        if (execution.Kind == DemoServiceKind.BellSampler)
        {
            execution.Job = BellSampler.Submit(hub, execution, input);
        }

        hub.Executions.Add(execution);
        context.Response.Headers.Location = ExecutionUrl(context, execution.Id);
        await NewtonsoftJson.WriteAsync(context, 201, execution.ToModel(hub.Now)).ConfigureAwait(false);
    }

    private static Task ResultAsync(HttpContext context, HubRuntime hub)
    {
        var execution = Find(context, hub);
        var state = execution.StateAt(hub.Now);
        RequireEnded(execution, state, allowFailed: true);
        return NewtonsoftJson.WriteAsync(context, 200, ServiceResults.Response(execution, state, ExecutionUrl(context, execution.Id), hub.Now));
    }

    private static async Task FileAsync(HttpContext context, HubRuntime hub)
    {
        var execution = Find(context, hub);
        RequireEnded(execution, execution.StateAt(hub.Now), allowFailed: false);
        var file = RequestRoute.Value(context, "file");
        var files = ServiceResults.Files(execution);
        if (!files.TryGetValue(file, out var bytes))
        {
            throw HttpProblemException.NotFound($"Execution {execution.Id} has no result file '{file}'. Its files: {string.Join(", ", files.Keys)} (the keys of the result's _links).");
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = bytes.Length;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{file}\"";
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private static void RequireEnded(ServiceExecutionRecord execution, ExecutionState state, bool allowFailed)
    {
        if (state.Status == ServiceExecutionStatus.Succeeded || (allowFailed && state.Status == ServiceExecutionStatus.Failed))
        {
            return;
        }

        throw HttpProblemException.NotFound($"Execution {execution.Id} is {state.Status} and has no result{(allowFailed ? string.Empty : " files")}. Poll GET {{id}} until it is SUCCEEDED.");
    }

    private static ServiceExecutionRecord Find(HttpContext context, HubRuntime hub)
    {
        var name = Service(context);
        var id = RequestRoute.Value(context, "id");
        var execution = hub.Executions.Find(id);
        return execution is not null && execution.ServiceName == name
            ? execution
            : throw HttpProblemException.NotFound($"Execution '{id}' was not found at service '{name}'.");
    }

    /// <summary>The demo service the request addresses, or 404 naming the deployed ones.</summary>
    private static string Service(HttpContext context)
    {
        var contextName = RequestRoute.Value(context, "context");
        var service = RequestRoute.Value(context, "service");
        var version = RequestRoute.Value(context, "version");
        if (contextName != DemoServices.Context || version != DemoServices.Version || !DemoServices.ByName.ContainsKey(service))
        {
            throw HttpProblemException.NotFound($"No service is deployed at /gateway/{contextName}/{service}/{version}/. Deployed: {string.Join(", ", DemoServices.Names.Select(DemoServices.PathOf))}.");
        }

        return service;
    }

    private static string ExecutionUrl(HttpContext context, string id)
    {
        var request = context.Request;
        var basePath = $"/gateway/{RequestRoute.Value(context, "context")}/{RequestRoute.Value(context, "service")}/{RequestRoute.Value(context, "version")}";
        return $"{request.Scheme}://{request.Host}{request.PathBase}{basePath}/{id}";
    }
}
