using System.Numerics;

namespace KipuHub.Emulator.Simulation;

/// <summary>The OpenQASM 3 gates the emulator simulates: the stdgates names plus Braket's spellings.</summary>
internal static class QasmGateTable
{
    public static readonly IReadOnlyDictionary<string, QasmGate> Gates = Build();

    public static string Names => string.Join(", ", Gates.Keys.Order(StringComparer.Ordinal));

    private static Dictionary<string, QasmGate> Build()
    {
        var g = new Dictionary<string, QasmGate>(StringComparer.OrdinalIgnoreCase);
        Add(g, QasmGate.Fixed(Simulation.Gates.Identity), "id", "i");
        Add(g, QasmGate.Fixed(Simulation.Gates.X), "x");
        Add(g, QasmGate.Fixed(Simulation.Gates.Y), "y");
        Add(g, QasmGate.Fixed(Simulation.Gates.Z), "z");
        Add(g, QasmGate.Fixed(Simulation.Gates.H), "h");
        Add(g, QasmGate.Fixed(Simulation.Gates.S), "s");
        Add(g, QasmGate.Fixed(Simulation.Gates.Sdg), "sdg", "si");
        Add(g, QasmGate.Fixed(Simulation.Gates.T), "t");
        Add(g, QasmGate.Fixed(Simulation.Gates.Tdg), "tdg", "ti");
        Add(g, QasmGate.Fixed(Simulation.Gates.V), "v", "sx");
        Add(g, QasmGate.Fixed(Simulation.Gates.Vdg), "vi", "sxdg");
        Add(g, QasmGate.Rotation(Simulation.Gates.Rx), "rx");
        Add(g, QasmGate.Rotation(Simulation.Gates.Ry), "ry");
        Add(g, QasmGate.Rotation(Simulation.Gates.Rz), "rz");
        Add(g, QasmGate.Rotation(Simulation.Gates.Phase), "phaseshift", "p", "u1");
        Add(g, new QasmGate(3, 1, (b, a, q) => b.Unitary(U(a[0], a[1], a[2]), q[0])), "u", "u3");
        Add(g, QasmGate.Controlled(Simulation.Gates.X), "cx", "cnot");
        Add(g, QasmGate.Controlled(Simulation.Gates.Y), "cy");
        Add(g, QasmGate.Controlled(Simulation.Gates.Z), "cz");
        Add(g, QasmGate.Controlled(Simulation.Gates.H), "ch");
        Add(g, QasmGate.ControlledRotation(Simulation.Gates.Phase), "cphaseshift", "cp", "cu1");
        Add(g, QasmGate.ControlledRotation(Simulation.Gates.Rx), "crx");
        Add(g, QasmGate.ControlledRotation(Simulation.Gates.Ry), "cry");
        Add(g, QasmGate.ControlledRotation(Simulation.Gates.Rz), "crz");
        Add(g, new QasmGate(0, 2, (b, _, q) => b.Swap(q[0], q[1])), "swap");
        Add(g, new QasmGate(1, 2, (b, a, q) => b.Xx(q[0], q[1], a[0])), "xx", "rxx");
        Add(g, new QasmGate(1, 2, (b, a, q) => b.Yy(q[0], q[1], a[0])), "yy", "ryy");
        Add(g, new QasmGate(1, 2, (b, a, q) => b.Zz(q[0], q[1], a[0])), "zz", "rzz");
        Add(g, new QasmGate(0, 3, (b, _, q) => b.Unitary(Simulation.Gates.X, q[2], [q[0], q[1]])), "ccx", "ccnot", "toffoli");
        Add(g, new QasmGate(0, 3, (b, _, q) => b.Swap(q[1], q[2], [q[0]])), "cswap");
        return g;
    }

    private static void Add(Dictionary<string, QasmGate> table, QasmGate gate, params string[] names)
    {
        foreach (var name in names)
        {
            table[name] = gate;
        }
    }

    /// <summary>The general single-qubit gate U(θ, φ, λ) of OpenQASM 3.</summary>
    private static Matrix2 U(double theta, double phi, double lambda)
    {
        var c = Math.Cos(theta / 2);
        var s = Math.Sin(theta / 2);
        return new Matrix2(
            c,
            -Complex.FromPolarCoordinates(s, lambda),
            Complex.FromPolarCoordinates(s, phi),
            Complex.FromPolarCoordinates(c, phi + lambda));
    }
}
