using KipuHub.Generated.Quantum;

namespace KipuHub.Benchmarks.Support;

/// <summary>The job every benchmark submits: a two-qubit Bell circuit on the emulator's IonQ simulator.</summary>
public static class Workloads
{
    /// <param name="shots">Few shots keep the emulator's simulation cost (which both sides pay) small.</param>
    /// <param name="resultBytes">Pads the result to this many bytes (the emulator's <c>emulator_result_bytes</c>).</param>
    public static CreateJobRequest Bell(int shots = 1, long? resultBytes = null)
    {
        var request = new CreateJobRequest
        {
            BackendId = "azure.ionq.simulator",
            Shots = shots,
            Name = "kipuhub-benchmark",
            Input = new AzureIonqSimulatorJobInput
            {
                Gateset = "qis",
                Qubits = 2,
                Circuit =
                [
                    new IonqCircuitItem { Type = IonqGate.H, Targets = [0] },
                    new IonqCircuitItem { Type = IonqGate.Cnot, Targets = [1], Controls = [0] },
                ],
            },
        };
        if (resultBytes is { } bytes)
        {
            var inputParams = new JobInputParams();
            inputParams.AdditionalProperties["emulator_result_bytes"] = bytes;
            request.InputParams = inputParams;
        }

        return request;
    }
}
