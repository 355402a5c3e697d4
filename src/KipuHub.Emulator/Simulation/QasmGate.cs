namespace KipuHub.Emulator.Simulation;

/// <summary>An OpenQASM gate the emulator knows: how many angles and qubits it takes, and how to add it to a circuit.</summary>
internal sealed record QasmGate(int Parameters, int Qubits, Action<CircuitBuilder, double[], int[]> Apply)
{
    public static QasmGate Fixed(Matrix2 matrix) => new(0, 1, (b, _, q) => b.Unitary(matrix, q[0]));

    public static QasmGate Rotation(Func<double, Matrix2> matrix) => new(1, 1, (b, a, q) => b.Unitary(matrix(a[0]), q[0]));

    public static QasmGate Controlled(Matrix2 matrix) => new(0, 2, (b, _, q) => b.Unitary(matrix, q[1], [q[0]]));

    public static QasmGate ControlledRotation(Func<double, Matrix2> matrix) => new(1, 2, (b, a, q) => b.Unitary(matrix(a[0]), q[1], [q[0]]));
}
