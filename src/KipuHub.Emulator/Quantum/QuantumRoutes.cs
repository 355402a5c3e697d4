namespace KipuHub.Emulator.Quantum;

/// <summary>Maps the Quantum API under <c>/quantum</c>: backends, jobs, sessions and workloads.</summary>
internal static class QuantumRoutes
{
    private static readonly Action<IEndpointRouteBuilder, HubRuntime>[] Modules =
        [BackendEndpoints.Map, JobEndpoints.Map, SessionEndpoints.Map, WorkloadEndpoints.Map];

    public static void Map(IEndpointRouteBuilder app, HubRuntime hub)
    {
        var quantum = app.MapGroup(AuthMiddleware.QuantumPrefix);
        foreach (var map in Modules)
        {
            map(quantum, hub);
        }
    }
}
