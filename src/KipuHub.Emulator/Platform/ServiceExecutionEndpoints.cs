using KipuHub.Emulator.Service;
using KipuHub.Generated.Platform;

namespace KipuHub.Emulator.Platform;

/// <summary>
/// <c>service_executions</c>: the executions started through the demo services' gateway, as the Platform lists them.
/// Gateway executions run for the default user's personal context, so only that context sees them here.
/// </summary>
internal static class ServiceExecutionEndpoints
{
    public static void Register(PlatformHandlers handlers, HubRuntime hub)
    {
        handlers.Add("listServiceExecutions", ctx => ListAsync(ctx, hub));
        handlers.Add("getServiceExecution", ctx => PlatformHttp.Ok(ctx, ToModel(Find(ctx, hub), hub.Now)));
        handlers.Add("getServiceExecutionInput", ctx => PlatformHttp.Ok(ctx, Find(ctx, hub).Input));
        handlers.Add("getServiceExecutionResult", ctx =>
        {
            var execution = Find(ctx, hub);
            var status = execution.StateAt(hub.Now).Status;
            return status == KipuHub.Generated.Service.ServiceExecutionStatus.Succeeded
                ? PlatformHttp.Ok(ctx, ServiceResults.Result(execution))
                : throw HttpProblemException.NotFound($"Service execution {execution.Id} is {status} and has no result. Poll it until it is SUCCEEDED.");
        });
        handlers.Add("getServiceExecutionLogs", ctx => PlatformHttp.Ok(ctx, Find(ctx, hub).LogsAt(hub.Now)
            .Select(l => new LogEntryDto { Message = l.Message, Severity = new PlatformLogSeverity(l.Severity.ToString()), Timestamp = l.At }).ToList()));
        handlers.Add("cancelServiceExecution", ctx =>
        {
            var execution = Find(ctx, hub);
            execution.Cancel(hub.Now);
            return PlatformHttp.Ok(ctx, ToModel(execution, hub.Now));
        });
    }

    public static ServiceExecutionDto ToModel(ServiceExecutionRecord record, DateTimeOffset now)
    {
        var state = record.StateAt(now);
        return new ServiceExecutionDto
        {
            Id = record.Id,
            Status = new PlatformServiceExecutionStatus(state.Status.ToString()),
            Type = PlatformServiceExecutionType.Managed,
            ServiceId = DemoServices.ServiceId(record.ServiceName),
            ServiceDefinitionId = DemoServices.ServiceId(record.ServiceName) + "@" + DemoServices.Version,
            ApplicationId = "emulator-application",
            CreatedAt = record.CreatedAt,
            StartedAt = state.StartedAt,
            EndedAt = state.EndedAt,
            Tags = [],
        };
    }

    private static Task ListAsync(HttpContext context, HubRuntime hub)
    {
        var query = context.Request.Query;
        var serviceId = query["serviceId"].ToString();
        var status = query["status"].ToString();
        var now = hub.Now;
        var visible = Visible(context, hub)
            .Select(r => (Model: ToModel(r, now), r.Ordinal))
            .Where(e => (serviceId.Length == 0 || e.Model.ServiceId == serviceId) && (status.Length == 0 || e.Model.Status == new PlatformServiceExecutionStatus(status)));
        return PlatformHttp.Ok(context, ListPage.Create<PageServiceExecutionDto, ServiceExecutionDto>(
            context, visible, "id", "status", "service_id", "created_at", "started_at", "ended_at"));
    }

    private static IEnumerable<ServiceExecutionRecord> Visible(HttpContext context, HubRuntime hub)
        => PlatformHttp.OwnerKey(context) == hub.ServiceOwnerKey ? hub.Executions.All : [];

    private static ServiceExecutionRecord Find(HttpContext context, HubRuntime hub)
    {
        var id = RequestRoute.Value(context, "serviceExecutionId");
        return Visible(context, hub).FirstOrDefault(r => r.Id == id)
            ?? throw HttpProblemException.NotFound($"Service execution '{id}' was not found. Executions started through the demo services' gateway belong to the default user's personal context.");
    }
}
