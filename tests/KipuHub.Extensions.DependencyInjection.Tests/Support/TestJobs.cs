using KipuHub.Generated.Quantum;

namespace KipuHub.Extensions.DependencyInjection.Tests.Support;

/// <summary>Requests the tests send.</summary>
public static class TestJobs
{
    /// <summary>A two-qubit Bell circuit on the IonQ simulator.</summary>
    public static CreateJobRequest BellJob() => new()
    {
        BackendId = "azure.ionq.simulator",
        Shots = 100,
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
}
