namespace KipuHub.Emulator.Platform;

/// <summary>
/// Maps every operation of <c>specs/platform.json</c> under <c>/qc-catalog</c>: the implemented ones to their handlers,
/// every other one to a JSON 501 that names its operationId, so no operation of the spec falls through to 404.
/// </summary>
internal static class PlatformRoutes
{
    public const string Prefix = "/qc-catalog";

    private static readonly Action<PlatformHandlers, HubRuntime>[] Modules =
    [
        AccountEndpoints.Register, CatalogEndpoints.Register, ServiceExecutionEndpoints.Register, ApplicationEndpoints.Register,
        DataPoolEndpoints.Register, DataPoolFileEndpoints.Register, DataPoolSharingEndpoints.Register,
    ];

    public static void Map(IEndpointRouteBuilder app, HubRuntime hub)
    {
        var handlers = Handlers(hub);
        var operations = PlatformSpec.Operations;
        var unknown = handlers.ByOperationId.Keys.Except(operations.Select(o => o.OperationId), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            // A renamed operation in the spec must not silently turn an implemented route into a 501.
            throw new InvalidOperationException($"The emulator implements operations that specs/platform.json does not have: {string.Join(", ", unknown)}.");
        }

        var group = app.MapGroup(Prefix);
        foreach (var operation in operations)
        {
            var handler = handlers.ByOperationId.TryGetValue(operation.OperationId, out var implemented) ? implemented : NotImplemented(operation);
            group.MapMethods(operation.Path, [operation.Method], handler).WithDisplayName(operation.OperationId);
        }
    }

    /// <summary>The operationIds the emulator implements (the rest answer 501).</summary>
    public static IReadOnlyCollection<string> Implemented(HubRuntime hub) => Handlers(hub).ByOperationId.Keys.ToList();

    private static PlatformHandlers Handlers(HubRuntime hub)
    {
        var handlers = new PlatformHandlers();
        foreach (var register in Modules)
        {
            register(handlers, hub);
        }

        return handlers;
    }

    private static RequestDelegate NotImplemented(PlatformOperation operation) => _ =>
        throw new HttpProblemException(StatusCodes.Status501NotImplemented,
            $"The emulator does not implement {operation.OperationId} yet ({operation.Method} {Prefix}{operation.Path}). The real Hub serves it; see src/KipuHub.Emulator/README.md for what the emulator covers.");
}
