using System.Globalization;
using KipuHub.Generated.Quantum;

namespace KipuHub.Emulator.Quantum;

/// <summary>The backend operations: list (filter by provider and Hub-SDK usability), get, status, config, calibration.</summary>
internal static class BackendEndpoints
{
    public static void Map(IEndpointRouteBuilder quantum, HubRuntime hub)
    {
        quantum.MapGet("/backends", ctx => ListAsync(ctx, hub));
        quantum.MapGet("/backends/{id}", ctx =>
        {
            var backend = Find(ctx, hub);
            return NewtonsoftJson.WriteAsync(ctx, 200, BackendModels.ToBackend(backend, hub.QueueSize(backend)));
        });
        quantum.MapGet("/backends/{id}/status", ctx =>
        {
            var backend = Find(ctx, hub);
            return NewtonsoftJson.WriteAsync(ctx, 200, BackendModels.ToStateInfo(backend, hub.QueueSize(backend)));
        });
        quantum.MapGet("/backends/{id}/config", ctx =>
        {
            var backend = Find(ctx, hub);
            return NewtonsoftJson.WriteAsync(ctx, 200, backend.ProviderConfig?.Invoke() ?? JObject.FromObject(BackendModels.ToConfiguration(backend), NewtonsoftJson.Serializer));
        });
        quantum.MapGet("/backends/{id}/calibration", ctx =>
            NewtonsoftJson.WriteAsync(ctx, 200, CalibrationGenerator.For(Find(ctx, hub), EffectiveAt(ctx, hub), hub.Now)));
    }

    private static Task ListAsync(HttpContext context, HubRuntime hub)
    {
        var provider = context.Request.Query["provider"].ToString();
        var onlyHubSdk = context.Request.Query["onlyPlanqkSdk"].ToString();
        if (onlyHubSdk.Length > 0 && !bool.TryParse(onlyHubSdk, out _))
        {
            throw HttpProblemException.BadRequest($"Query parameter 'onlyPlanqkSdk' is '{onlyHubSdk}'; use true or false.");
        }

        var backends = hub.Catalog.All
            .Where(b => provider.Length == 0 || string.Equals(b.Provider.ToString(), provider, StringComparison.OrdinalIgnoreCase))
            .Where(b => onlyHubSdk.Length == 0 || !bool.Parse(onlyHubSdk) || b.UsableWithHubSdk)
            .Select(b => BackendModels.ToBackend(b, hub.QueueSize(b)))
            .ToList();
        return NewtonsoftJson.WriteAsync(context, 200, backends);
    }

    private static BackendDefinition Find(HttpContext context, HubRuntime hub)
    {
        var id = RequestRoute.Value(context, "id");
        return hub.Catalog.Find(id) ?? throw HttpProblemException.NotFound($"Backend '{id}' does not exist. GET /backends lists the backends.");
    }

    private static DateTimeOffset EffectiveAt(HttpContext context, HubRuntime hub)
    {
        var raw = context.Request.Query["effectiveAt"].ToString();
        if (raw.Length == 0)
        {
            return hub.Now;
        }

        return DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw HttpProblemException.BadRequest($"Query parameter 'effectiveAt' is '{raw}'; use an ISO 8601 instant such as 2025-01-31T12:00:00Z.");
    }
}
