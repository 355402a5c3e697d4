using KipuHub.Generated.Platform;

namespace KipuHub.Emulator.Platform;

/// <summary>The read-only catalog: services (the demo services and the seeded ones, paged), algorithms and use cases.</summary>
internal static class CatalogEndpoints
{
    private static readonly Dictionary<string, Func<CatalogService, object?>> ServiceSortKeys = new()
    {
        ["id"] = s => s.Id,
        ["name"] = s => s.Name,
        ["display_name"] = s => s.DisplayName,
        ["type"] = s => s.Type.ToString(),
        ["lifecycle"] = s => s.Lifecycle.ToString(),
        ["created_at"] = s => s.CreatedAt,
    };

    private static readonly Dictionary<string, Func<AlgorithmDto, object?>> AlgorithmSortKeys = new()
    {
        ["id"] = a => a.Id,
        ["name"] = a => a.Name,
        ["acronym"] = a => a.Acronym,
        ["created_at"] = a => a.CreatedAt,
    };

    private static readonly Dictionary<string, Func<UseCaseDto, object?>> UseCaseSortKeys = new()
    {
        ["id"] = u => u.Id,
        ["title"] = u => u.Title,
        ["created_at"] = u => u.CreatedAt,
    };

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
        var matching = catalog.Services.Where(s =>
            (PlatformHttp.Contains(s.Name, search) || PlatformHttp.Contains(s.DisplayName, search))
            && (lifecycle.Length == 0 || s.Lifecycle == new ServiceLifecycle(lifecycle))
            && (type.Length == 0 || s.Type == new ServiceType(type)));
        var (content, paging, total, pages) = PlatformHttp.Page(context, matching, ServiceSortKeys, s => s.Order);
        var root = PlatformHttp.Root(context);
        return PlatformHttp.Ok(context, new PageServiceDto
        {
            Content = content.Select(s => s.ToModel(root)).ToList(),
            Page = paging.Page,
            Size = paging.Size,
            TotalElements = total,
            TotalPages = pages,
        });
    }

    private static Task ListAlgorithmsAsync(HttpContext context, PlatformState catalog)
    {
        var search = context.Request.Query["search"].ToString();
        var matching = catalog.Algorithms.Where(a => PlatformHttp.Contains(a.Name, search) || PlatformHttp.Contains(a.Acronym, search) || PlatformHttp.Contains(a.Problem, search));
        var (content, paging, total, pages) = PlatformHttp.Page(context, matching, AlgorithmSortKeys, a => Order(catalog.Algorithms, a));
        return PlatformHttp.Ok(context, new PageAlgorithmDto { Content = content, Page = paging.Page, Size = paging.Size, TotalElements = total, TotalPages = pages });
    }

    private static Task ListUseCasesAsync(HttpContext context, PlatformState catalog)
    {
        var title = context.Request.Query["title"].ToString();
        var matching = catalog.UseCases.Where(u => PlatformHttp.Contains(u.Title, title));
        var (content, paging, total, pages) = PlatformHttp.Page(context, matching, UseCaseSortKeys, u => Order(catalog.UseCases, u));
        return PlatformHttp.Ok(context, new PageUseCaseDto { Content = content, Page = paging.Page, Size = paging.Size, TotalElements = total, TotalPages = pages });
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

    private static long Order<T>(IReadOnlyList<T> items, T item) => items is List<T> list ? list.IndexOf(item) : items.ToList().IndexOf(item);
}
