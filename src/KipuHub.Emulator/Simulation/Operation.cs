namespace KipuHub.Emulator.Simulation;

/// <summary>One step of a compiled circuit.</summary>
internal abstract record Operation
{
    public abstract void ApplyTo(StateVector state);

    /// <summary>Every qubit the operation touches, controls included.</summary>
    public abstract IEnumerable<int> Qubits { get; }

    protected static int Mask(IReadOnlyList<int> controls)
    {
        var mask = 0;
        foreach (var c in controls)
        {
            mask |= 1 << c;
        }

        return mask;
    }
}

/// <summary>A (possibly controlled) single-qubit unitary.</summary>
internal sealed record UnitaryOperation(Matrix2 Matrix, int Target, IReadOnlyList<int> Controls) : Operation
{
    public override void ApplyTo(StateVector state) => state.Apply(Matrix, Target, Mask(Controls));

    public override IEnumerable<int> Qubits => Controls.Append(Target);
}

/// <summary>A (possibly controlled) swap of two qubits.</summary>
internal sealed record SwapOperation(int First, int Second, IReadOnlyList<int> Controls) : Operation
{
    public override void ApplyTo(StateVector state) => state.Swap(First, Second, Mask(Controls));

    public override IEnumerable<int> Qubits => Controls.Append(First).Append(Second);
}

/// <summary>exp(-iθ/2 Z⊗Z); XX and YY rotations are built from it with basis changes.</summary>
internal sealed record ZzOperation(int First, int Second, double Angle) : Operation
{
    public override void ApplyTo(StateVector state) => state.ZzRotation(First, Second, Angle);

    public override IEnumerable<int> Qubits => [First, Second];
}
