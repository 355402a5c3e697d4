namespace KipuHub.Emulator.Diagnostics;

/// <summary>
/// The route table of one emulator, for the contract checks' coverage report: each mapped (method, route pattern) and
/// the Platform operationIds with a real handler (every other Platform route answers 501).
/// </summary>
internal sealed class KipuHubEmulatorRoutes
{
    private readonly IEndpointRouteBuilder _routes;
    private readonly HubRuntime _hub;

    internal KipuHubEmulatorRoutes(IEndpointRouteBuilder routes, HubRuntime hub)
    {
        _routes = routes;
        _hub = hub;
    }

    /// <summary>The Platform operationIds the emulator implements.</summary>
    internal IReadOnlyCollection<string> ImplementedPlatformOperations => Platform.PlatformRoutes.Implemented(_hub);

    /// <summary>Every (HTTP method, route pattern) mapped, e.g. (<c>GET</c>, <c>/quantum/jobs/{id}</c>); the fallback excluded.</summary>
    internal IReadOnlyList<(string Method, string Pattern)> Endpoints =>
        _routes.DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods
                .Select(method => (method, "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/'))))
            .ToList();
}
