using KipuHub.Generated.Quantum;

namespace KipuHub.Emulator.Tests.Support;

/// <summary>Job requests the tests submit.</summary>
public static class Circuits
{
    public const string BellQasm = """
        OPENQASM 3;
        qubit[2] q;
        bit[2] c;
        h q[0];
        cnot q[0], q[1];
        c = measure q;
        """;

    public static IonqCircuitItem Gate(IonqGate type, int target, int? control = null, double? rotation = null) => new()
    {
        Type = type,
        Targets = { target },
        Controls = control is { } c ? [c] : null,
        Rotation = rotation,
    };

    public static AzureIonqSimulatorJobInput Ionq(int qubits, params IonqCircuitItem[] gates)
    {
        var input = new AzureIonqSimulatorJobInput { Gateset = "qis", Qubits = qubits };
        foreach (var gate in gates)
        {
            input.Circuit.Add(gate);
        }

        return input;
    }

    public static CreateJobRequest IonqBell(int shots = 1000, string? sessionId = null) => new()
    {
        BackendId = "azure.ionq.simulator",
        Shots = shots,
        SessionId = sessionId,
        Input = Ionq(2, Gate(IonqGate.H, 0), Gate(IonqGate.Cnot, 1, control: 0)),
    };

    public static CreateJobRequest Qasm(string program, string backendId = "aws.sim.sv1", int shots = 1000, string? sessionId = null) => new()
    {
        BackendId = backendId,
        Shots = shots,
        SessionId = sessionId,
        Input = backendId switch
        {
            "aws.sim.dm1" => new AwsSimDm1JobInput { Value = program },
            "aws.iqm.garnet" => new AwsIqmGarnetJobInput { Value = program },
            "aws.ionq.aria" => new AwsIonqAriaJobInput { Value = program },
            "aws.ionq.forte" => new AwsIonqForteJobInput { Value = program },
            _ => new AwsSimSv1JobInput { Value = program },
        },
    };

    public static CreateJobRequest QasmBell(string backendId = "aws.sim.sv1", int shots = 1000, string? sessionId = null)
        => Qasm(BellQasm, backendId, shots, sessionId);
}
