using KipuHub.Generated.Quantum;

namespace KipuHub.Tests.Samples;

/// <summary>
/// The sdk-api.md Quickstart in C#, compiled with the tests so it cannot rot: submit a Bell circuit, poll until the
/// job leaves PENDING/RUNNING, read the result. (The waiting helpers of the job-lifecycle issue will shorten it.)
/// </summary>
public static class QuickstartSample
{
    /// <summary>Runs the quickstart against <paramref name="client"/>; <paramref name="delay"/> waits between polls.</summary>
    public static async Task<object> RunAsync(IHubQuantumClient client, Func<TimeSpan, CancellationToken, Task> delay, CancellationToken cancellationToken = default)
    {
        var job = await client.Jobs.CreateJobAsync(
            new CreateJobRequest
            {
                BackendId = "azure.ionq.simulator",
                Shots = 1000,
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
            },
            cancellationToken);

        while ((await client.Jobs.GetJobStatusAsync(job.Id!, cancellationToken: cancellationToken)).Status is { } status
            && (status == JobStatus.Pending || status == JobStatus.Running))
        {
            await delay(TimeSpan.FromSeconds(2), cancellationToken);
        }

        return await client.Jobs.GetJobResultAsync(job.Id!, cancellationToken);
    }
}
