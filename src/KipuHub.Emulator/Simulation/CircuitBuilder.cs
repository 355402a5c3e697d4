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

    /// <summary>
    /// IonQ's Mølmer–Sørensen gate MS(φ0, φ1, θ) = exp(-iπθ σ(φ0)⊗σ(φ1)) with σ(φ) = cos(2πφ)X + sin(2πφ)Y and all
    /// parameters in turns; θ = 0.25 gives IonQ's fully entangling matrix. σ(φ) = Rz(2πφ) X Rz(-2πφ), so the gate is an
    /// XX rotation by 2πθ between those basis changes.
    /// </summary>
    public void Ms(int first, int second, double phi0, double phi1, double theta)
    {
        Unitary(Gates.Rz(-2 * Math.PI * phi0), first);
        Unitary(Gates.Rz(-2 * Math.PI * phi1), second);
        Xx(first, second, 2 * Math.PI * theta);
        Unitary(Gates.Rz(2 * Math.PI * phi0), first);
        Unitary(Gates.Rz(2 * Math.PI * phi1), second);
    }
}
