using KipuHub.Generated.Quantum;

namespace KipuHub.IntegrationTests;

internal static class Circuits
{
    public static CreateJobRequest Bell(int shots = 1000, Dictionary<string, object>? inputParams = null)
    {
        var request = new CreateJobRequest
        {
            BackendId = "azure.ionq.simulator",
            Shots = shots,
            Input = new AzureIonqSimulatorJobInput
            {
                Gateset = "qis",
                Qubits = 2,
                Circuit = [new IonqCircuitItem { Type = IonqGate.H, Targets = [0] }, new IonqCircuitItem { Type = IonqGate.Cnot, Targets = [1], Controls = [0] }],
            },
        };
        if (inputParams != null)
        {
            var p = new JobInputParams();
            foreach (var (k, v) in inputParams) p.AdditionalProperties[k] = v;
            request.InputParams = p;
        }
        return request;
    }

    public static CreateJobRequest BellQasm(int shots = 100) => new()
    {
        BackendId = "aws.sim.sv1",
        Shots = shots,
        Input = new AwsSimSv1JobInput { Value = "OPENQASM 3.0;\nqubit[2] q;\nbit[2] c;\nh q[0];\ncnot q[0], q[1];\nc = measure q;" },
    };
}
