using KipuHub.Generated.Quantum;

namespace KipuHub.Emulator.Simulation;

/// <summary>
/// The IonQ <c>native</c> gate set (IonQ's native-gates API): <c>gpi</c> and <c>gpi2</c> take one target and a
/// <c>phase</c>, <c>ms</c> two targets, two <c>phases</c> and an optional <c>angle</c> (default 0.25, fully
/// entangling), <c>zz</c> two targets and an <c>angle</c>. Every parameter is in turns (1 turn = 2π radians), and
/// native gates take no controls.
/// </summary>
internal static class NativeGateCompiler
{
    private const double FullyEntangling = 0.25;

    public static void AddGate(CircuitBuilder builder, IonqCircuitItem? gate, string path, int qubits)
    {
        if (gate is null)
        {
            throw new CircuitException($"{path} is null; each circuit item is a gate object such as {{\"type\": \"gpi2\", \"phase\": 0.25, \"targets\": [0]}}.");
        }

        var name = IonqCircuitCompiler.GateName(gate)
            ?? throw new CircuitException($"{path}.type is missing; name the native gate ({IonqCircuitCompiler.NativeGates}).");
        var targets = IonqCircuitCompiler.CheckQubits(gate.Targets, $"{path}.targets", qubits);
        if (gate.Controls is { Count: > 0 })
        {
            throw new CircuitException($"{path}: native gates take no controls; {name} acts on its targets only.");
        }

        switch (name)
        {
            case "gpi":
                IonqCircuitCompiler.RequireTargets(path, name, targets, 1);
                builder.Unitary(Gates.Gpi(Turns(gate.Phase, path, name, "phase")), targets[0]);
                break;
            case "gpi2":
                IonqCircuitCompiler.RequireTargets(path, name, targets, 1);
                builder.Unitary(Gates.Gpi2(Turns(gate.Phase, path, name, "phase")), targets[0]);
                break;
            case "ms":
                IonqCircuitCompiler.RequireTargets(path, name, targets, 2);
                var phases = Phases(gate.Phases, path);
                builder.Ms(targets[0], targets[1], phases[0], phases[1], gate.Angle is null ? FullyEntangling : Turns(gate.Angle, path, name, "angle"));
                break;
            case "zz":
                IonqCircuitCompiler.RequireTargets(path, name, targets, 2);
                builder.Zz(targets[0], targets[1], 2 * Math.PI * Turns(gate.Angle, path, name, "angle"));
                break;
            default:
                throw new CircuitException($"{path}.type '{name}' is not a native gate; the native gate set takes {IonqCircuitCompiler.NativeGates} (send QIS gates with gateset 'qis', not mixed).");
        }
    }

    private static double Turns(double? value, string path, string name, string parameter)
    {
        if (value is not { } turns || double.IsNaN(turns) || double.IsInfinity(turns))
        {
            throw new CircuitException($"{path}: {name} needs a finite '{parameter}' in turns (1 turn = 2π radians).");
        }

        return turns;
    }

    private static double[] Phases(ICollection<double>? phases, string path)
    {
        var list = phases?.ToArray() ?? [];
        if (list.Length != 2 || list.Any(p => double.IsNaN(p) || double.IsInfinity(p)))
        {
            throw new CircuitException($"{path}: ms needs 'phases' with two finite phases in turns, one per target.");
        }

        return list;
    }
}
