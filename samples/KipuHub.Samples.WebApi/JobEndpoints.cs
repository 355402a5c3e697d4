using KipuHub.Generated.Quantum;

namespace KipuHub.Samples.WebApi;

/// <summary>The sample's API: submit a Bell job, report its status, stream its result.</summary>
internal static class JobEndpoints
{
    /// <summary>Maps <c>POST /jobs</c>, <c>GET /jobs/{id}</c> and <c>GET /jobs/{id}/result</c>.</summary>
    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/jobs", SubmitAsync);
        app.MapPost("/jobs/run", RunAsync);
        app.MapGet("/jobs/{id}", GetStatusAsync);
        app.MapGet("/jobs/{id}/result", StreamResultAsync);
        return app;
    }

    /// <summary>Submits a Bell job, waits for it and answers 200 with its histogram (bitstring → count).</summary>
    private static async Task<IResult> RunAsync(IHubQuantumClient hub, SubmitJobRequest? request, CancellationToken cancellationToken)
    {
        var result = await hub.RunJobAsync(BellJob(request), cancellationToken: cancellationToken);
        return Results.Ok(result.Counts);
    }

    /// <summary>Submits a Bell circuit (H on qubit 0, CNOT 0→1) to the IonQ simulator; 202 with the job's location.</summary>
    private static async Task<IResult> SubmitAsync(IHubQuantumClient hub, SubmitJobRequest? request, CancellationToken cancellationToken)
    {
        // SubmitJobAsync, not the raw Jobs.CreateJobAsync: it checks the job against its backend and any KipuHub:MaxCost first.
        var job = await hub.SubmitJobAsync(BellJob(request), cancellationToken);
        return Results.Accepted($"/jobs/{job.Id}", new JobStatusView(job.Id!, job.Status?.ToString() ?? "UNKNOWN"));
    }

    /// <summary>The Bell job: H on qubit 0, CNOT 0→1, on the IonQ simulator unless the request names a backend.</summary>
    private static CreateJobRequest BellJob(SubmitJobRequest? request) =>
            new CreateJobRequest
            {
                BackendId = request?.BackendId ?? "azure.ionq.simulator",
                Shots = request?.Shots ?? 1000,
                Input = new AzureIonqSimulatorJobInput
                {
                    Gateset = "qis",
                    Qubits = 2,
                    Circuit =
                    {
                        new IonqCircuitItem { Type = IonqGate.H, Targets = { 0 } },
                        new IonqCircuitItem { Type = IonqGate.Cnot, Controls = [0], Targets = { 1 } },
                    },
                },
            };

    /// <summary>Reports the job's status; 404 when the Hub does not know it.</summary>
    private static async Task<IResult> GetStatusAsync(IHubQuantumClient hub, string id, CancellationToken cancellationToken)
    {
        try
        {
            var status = await hub.Jobs.GetJobStatusAsync(id, cancellationToken: cancellationToken);
            return Results.Ok(new JobStatusView(id, status.Status?.ToString() ?? "UNKNOWN"));
        }
        catch (NotFoundException)
        {
            return Results.NotFound();
        }
    }

    /// <summary>
    /// Streams the result document from the Hub to the caller without buffering it (the raw <c>result-stream</c>
    /// <c>QuantumFileResponse</c> copied to the response body); 409 while the job has no result yet.
    /// </summary>
    private static async Task StreamResultAsync(IHubQuantumClient hub, string id, HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            using var result = await hub.Jobs.GetJobResultStreamAsync(id, cancellationToken: cancellationToken);
            context.Response.ContentType = "application/json";
            await result.Stream.CopyToAsync(context.Response.Body, cancellationToken);
        }
        catch (NotFoundException)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
        catch (UnprocessableEntityException)
        {
            context.Response.StatusCode = StatusCodes.Status409Conflict;
        }
    }
}
