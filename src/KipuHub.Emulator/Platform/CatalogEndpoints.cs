using KipuHub.Generated.Platform;

namespace KipuHub.Emulator.Platform;

/// <summary>The read-only catalog: services (the demo services and the seeded ones, paged), algorithms and use cases.</summary>
internal static class CatalogEndpoints
{
    public static void Register(PlatformHandlers handlers, HubRuntime hub)
    {
        var catalog = hub.Platform;
        handlers.Add("listServices", ctx => ListServicesAsync(ctx, catalog));
        handlers.Add("getService", ctx => PlatformHttp.Ok(ctx, FindService(ctx, catalog).ToModel(PlatformHttp.Root(ctx))));
        handlers.Add("getServiceVersions", ctx => PlatformHttp.Ok(ctx, new[] { FindService(ctx, catalog).ToDefinition(PlatformHttp.Root(ctx)) }));
        handlers.Add("getServiceVersion", ctx =>
        {
            var service = FindService(ctx, catalog);
            var version = RequestRoute.Value(ctx, "versionId");
            return version == service.DefinitionId || version == CatalogService.Version
                ? PlatformHttp.Ok(ctx, service.ToDefinition(PlatformHttp.Root(ctx)))
                : throw HttpProblemException.NotFound($"Service '{service.Id}' has no version '{version}'; its only version is '{service.DefinitionId}'.");
        });
        handlers.Add("listAlgorithms", ctx => ListAlgorithmsAsync(ctx, catalog));
        handlers.Add("getAlgorithm", ctx => PlatformHttp.Ok(ctx, FindById(catalog.Algorithms, a => a.Id, RequestRoute.Value(ctx, "algorithmId"), "Algorithm")));
        handlers.Add("listUseCases", ctx => ListUseCasesAsync(ctx, catalog));
        handlers.Add("getUseCase", ctx => PlatformHttp.Ok(ctx, FindById(catalog.UseCases, u => u.Id, RequestRoute.Value(ctx, "useCaseId"), "Use case")));
    }

    private static Task ListServicesAsync(HttpContext context, PlatformState catalog)
    {
        var query = context.Request.Query;
        var search = query["search"].ToString();
        var lifecycle = query["lifecycle"].ToString();
        var type = query["type"].ToString();
        var root = PlatformHttp.Root(context);
        var matching = catalog.Services.Where(s =>
            (PlatformHttp.Contains(s.Name, search) || PlatformHttp.Contains(s.DisplayName, search))
            && (lifecycle.Length == 0 || s.Lifecycle == new ServiceLifecycle(lifecycle))
            && (type.Length == 0 || s.Type == new ServiceType(type)));
        return PlatformHttp.Ok(context, ListPage.Create<PageServiceDto, ServiceDto>(
            context, matching.Select(s => (s.ToModel(root), (long)s.Order)), "id", "name", "display_name", "type", "lifecycle", "created_at"));
    }

    private static Task ListAlgorithmsAsync(HttpContext context, PlatformState catalog)
    {
        var search = context.Request.Query["search"].ToString();
        var matching = InCatalogOrder(catalog.Algorithms).Where(a => PlatformHttp.Contains(a.Model.Name, search) || PlatformHttp.Contains(a.Model.Acronym, search) || PlatformHttp.Contains(a.Model.Problem, search));
        return PlatformHttp.Ok(context, ListPage.Create<PageAlgorithmDto, AlgorithmDto>(context, matching, "id", "name", "acronym", "created_at"));
    }

    private static Task ListUseCasesAsync(HttpContext context, PlatformState catalog)
    {
        var title = context.Request.Query["title"].ToString();
        var matching = InCatalogOrder(catalog.UseCases).Where(u => PlatformHttp.Contains(u.Model.Title, title));
        return PlatformHttp.Ok(context, ListPage.Create<PageUseCaseDto, UseCaseDto>(context, matching, "id", "title", "created_at"));
    }

    private static CatalogService FindService(HttpContext context, PlatformState catalog)
    {
        var id = RequestRoute.Value(context, "serviceId");
        return catalog.ServicesById.TryGetValue(id, out var service)
            ? service
            : throw HttpProblemException.NotFound($"Service '{id}' is not in the catalog. GET /services lists it.");
    }

    private static T FindById<T>(IReadOnlyList<T> items, Func<T, string?> id, string wanted, string what)
        => items.FirstOrDefault(i => id(i) == wanted) ?? throw HttpProblemException.NotFound($"{what} '{wanted}' is not in the catalog.");

    private static IEnumerable<(T Model, long Ordinal)> InCatalogOrder<T>(IEnumerable<T> items) => items.Select((item, index) => (item, (long)index));
}
