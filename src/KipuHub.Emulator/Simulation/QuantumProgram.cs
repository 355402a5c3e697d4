namespace KipuHub.Emulator.Simulation;

/// <summary>
/// A circuit compiled from IonQ QIS or OpenQASM 3, ready to simulate.
/// <see cref="Readout"/> says how a measured basis state becomes a result bitstring: character i (from the left)
/// is the value of qubit <c>Readout[i]</c>, or '0' where the entry is -1 (a classical bit nothing was measured into).
/// </summary>
internal sealed class QuantumProgram
{
    public QuantumProgram(int qubitCount, IReadOnlyList<Operation> operations, IReadOnlyList<int> readout)
    {
        QubitCount = qubitCount;
        Operations = operations;
        Readout = readout;
    }

    public int QubitCount { get; }

    public IReadOnlyList<Operation> Operations { get; }

    public IReadOnlyList<int> Readout { get; }

    /// <summary>IonQ convention: qubit 0 is the rightmost character (the bitstring is the basis index in binary).</summary>
    public static IReadOnlyList<int> BigEndianReadout(int qubitCount)
        => Enumerable.Range(0, qubitCount).Reverse().ToArray();

    /// <summary>Runs the circuit from |0…0⟩ and returns the final state.</summary>
    public StateVector Run()
    {
        var state = new StateVector(QubitCount);
        foreach (var op in Operations)
        {
            op.ApplyTo(state);
        }

        return state;
    }

    /// <summary>The bitstring a basis state reads as.</summary>
    public string BitstringOf(int basisIndex)
    {
        return string.Create(Readout.Count, (basisIndex, Readout), static (span, s) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var q = s.Readout[i];
                span[i] = q >= 0 && ((s.basisIndex >> q) & 1) == 1 ? '1' : '0';
            }
        });
    }
}
