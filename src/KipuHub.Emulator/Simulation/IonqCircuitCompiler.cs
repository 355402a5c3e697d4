using KipuHub.Generated.Quantum;

namespace KipuHub.Emulator.Simulation;

/// <summary>
/// Compiles an IonQ circuit (<c>AZURE_IONQ_SIMULATOR</c> input) for the state-vector simulator. In the <c>qis</c> gate
/// set, gates with several <c>targets</c> apply to each target and any single-qubit gate with <c>controls</c> becomes its
/// controlled form. The <c>native</c> gate set takes IonQ's hardware gates with parameters in turns
/// (<see cref="NativeGates"/>). Result bitstrings follow IonQ: qubit 0 is the rightmost character.
/// </summary>
internal static class IonqCircuitCompiler
{
    public const string SupportedGates = "x, y, z, h, s, si, t, ti, v, vi, rx, ry, rz, not, cnot, swap, xx, yy, zz";

    /// <summary>The hardware gates of the <c>native</c> gate set (IonQ: ms on Aria, zz on Forte).</summary>
    public const string NativeGates = "gpi, gpi2, ms, zz";

    public static bool IsNative(AzureIonqSimulatorJobInput input) => string.Equals(input.Gateset, "native", StringComparison.OrdinalIgnoreCase);

    /// <summary>The wire name of a circuit item's gate in lower case, or null when it names none.</summary>
    public static string? GateName(IonqCircuitItem? gate) => gate?.Type?.ToString().ToLowerInvariant();

    public static QuantumProgram Compile(AzureIonqSimulatorJobInput input)
    {
        var native = IsNative(input);
        if (!native && !string.Equals(input.Gateset, "qis", StringComparison.OrdinalIgnoreCase))
        {
            throw new CircuitException($"input.gateset is '{input.Gateset}', but the emulator runs only the 'qis' and 'native' gate sets.");
        }

        if (input.Qubits < 1)
        {
            throw new CircuitException("input.qubits must be at least 1 (the number of qubits the circuit uses).");
        }

        var builder = new CircuitBuilder();
        var index = 0;
        foreach (var gate in input.Circuit ?? [])
        {
            var path = $"input.circuit[{index++}]";
            if (native)
            {
                NativeGateCompiler.AddGate(builder, gate, path, input.Qubits);
            }
            else
            {
                AddGate(builder, gate, path, input.Qubits);
            }
        }

        return new QuantumProgram(input.Qubits, builder.Operations, QuantumProgram.BigEndianReadout(input.Qubits));
    }

    private static void AddGate(CircuitBuilder builder, IonqCircuitItem? gate, string path, int qubits)
    {
        if (gate is null)
        {
            throw new CircuitException($"{path} is null; each circuit item is a gate object such as {{\"type\": \"h\", \"targets\": [0]}}.");
        }

        var name = GateName(gate)
            ?? throw new CircuitException($"{path}.type is missing; name the gate ({SupportedGates}).");
        var targets = CheckQubits(gate.Targets, $"{path}.targets", qubits);
        var controls = CheckQubits(gate.Controls, $"{path}.controls", qubits);
        if (targets.Length == 0)
        {
            throw new CircuitException($"{path}.targets is empty; a gate needs at least one target qubit.");
        }

        if (targets.Intersect(controls).Any())
        {
            throw new CircuitException($"{path}: a qubit cannot be both a target and a control.");
        }

        switch (name)
        {
            case "cnot":
                if (controls.Length == 0)
                {
                    throw new CircuitException($"{path}: cnot needs at least one control qubit in 'controls'.");
                }

                ForEachTarget(builder, Gates.X, targets, controls);
                break;
            case "swap":
                RequireTargets(path, name, targets, 2);
                builder.Swap(targets[0], targets[1], controls);
                break;
            case "xx" or "yy" or "zz":
                AddPauliRotation(builder, gate, path, name, targets, controls);
                break;
            default:
                ForEachTarget(builder, SingleQubitMatrix(name, gate.Rotation, path), targets, controls);
                break;
        }
    }

    private static void AddPauliRotation(CircuitBuilder builder, IonqCircuitItem gate, string path, string name, int[] targets, int[] controls)
    {
        RequireTargets(path, name, targets, 2);
        if (controls.Length > 0)
        {
            throw new CircuitException($"{path}: {name} cannot be controlled.");
        }

        var theta = RequireRotation(gate.Rotation, path, name);
        switch (name)
        {
            case "xx":
                builder.Xx(targets[0], targets[1], theta);
                break;
            case "yy":
                builder.Yy(targets[0], targets[1], theta);
                break;
            default:
                builder.Zz(targets[0], targets[1], theta);
                break;
        }
    }

    private static Matrix2 SingleQubitMatrix(string name, double? rotation, string path) => name switch
    {
        "x" or "not" => Gates.X,
        "y" => Gates.Y,
        "z" => Gates.Z,
        "h" => Gates.H,
        "s" => Gates.S,
        "si" => Gates.Sdg,
        "t" => Gates.T,
        "ti" => Gates.Tdg,
        "v" => Gates.V,
        "vi" => Gates.Vdg,
        "rx" => Gates.Rx(RequireRotation(rotation, path, name)),
        "ry" => Gates.Ry(RequireRotation(rotation, path, name)),
        "rz" => Gates.Rz(RequireRotation(rotation, path, name)),
        "pauliexp" => throw new CircuitException($"{path}: the emulator does not simulate pauliExp; use {SupportedGates}."),
        _ => throw new CircuitException($"{path}.type '{name}' is not a QIS gate the emulator knows; use one of {SupportedGates}."),
    };

    private static void ForEachTarget(CircuitBuilder builder, Matrix2 matrix, int[] targets, int[] controls)
    {
        foreach (var target in targets)
        {
            builder.Unitary(matrix, target, controls);
        }
    }

    private static double RequireRotation(double? rotation, string path, string name)
    {
        if (rotation is not { } theta || double.IsNaN(theta) || double.IsInfinity(theta))
        {
            throw new CircuitException($"{path}: {name} needs a finite 'rotation' angle in radians.");
        }

        return theta;
    }

    internal static void RequireTargets(string path, string name, int[] targets, int count)
    {
        if (targets.Length != count)
        {
            throw new CircuitException($"{path}: {name} takes exactly {count} targets, got {targets.Length}.");
        }
    }

    internal static int[] CheckQubits(ICollection<int>? indices, string path, int qubits)
    {
        var list = indices?.ToArray() ?? [];
        foreach (var q in list)
        {
            if (q < 0 || q >= qubits)
            {
                throw new CircuitException($"{path} contains qubit {q}, outside 0..{qubits - 1} (input.qubits is {qubits}).");
            }
        }

        if (list.Distinct().Count() != list.Length)
        {
            throw new CircuitException($"{path} names the same qubit twice.");
        }

        return list;
    }
}
