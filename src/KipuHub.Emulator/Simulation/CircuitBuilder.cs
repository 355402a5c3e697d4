namespace KipuHub.Emulator.Simulation;

/// <summary>Collects operations; two-qubit Pauli rotations are decomposed into basis changes around a ZZ rotation.</summary>
internal sealed class CircuitBuilder
{
    private static readonly int[] NoControls = [];
    private readonly List<Operation> _operations = [];

    public IReadOnlyList<Operation> Operations => _operations;

    public void Unitary(Matrix2 matrix, int target, IReadOnlyList<int>? controls = null)
        => _operations.Add(new UnitaryOperation(matrix, target, controls ?? NoControls));

    public void Swap(int first, int second, IReadOnlyList<int>? controls = null)
        => _operations.Add(new SwapOperation(first, second, controls ?? NoControls));

    public void Zz(int first, int second, double theta) => _operations.Add(new ZzOperation(first, second, theta));

    /// <summary>exp(-iθ/2 X⊗X) = (H⊗H) ZZ(θ) (H⊗H), because H Z H = X.</summary>
    public void Xx(int first, int second, double theta)
    {
        Unitary(Gates.H, first);
        Unitary(Gates.H, second);
        Zz(first, second, theta);
        Unitary(Gates.H, first);
        Unitary(Gates.H, second);
    }

    /// <summary>exp(-iθ/2 Y⊗Y) = (B⊗B) ZZ(θ) (B†⊗B†) with B = S·H, because S H Z H S† = Y.</summary>
    public void Yy(int first, int second, double theta)
    {
        foreach (var q in new[] { first, second })
        {
            Unitary(Gates.Sdg, q);
            Unitary(Gates.H, q);
        }

        Zz(first, second, theta);
        foreach (var q in new[] { first, second })
        {
            Unitary(Gates.H, q);
            Unitary(Gates.S, q);
        }
    }
}
