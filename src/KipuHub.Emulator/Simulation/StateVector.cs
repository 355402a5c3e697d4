using System.Numerics;

namespace KipuHub.Emulator.Simulation;

/// <summary>
/// A pure state of n qubits as 2^n complex amplitudes. Qubit k is bit k of the basis index (qubit 0 is the least
/// significant bit), so basis index 0b10 means qubit 1 is |1⟩ and qubit 0 is |0⟩.
/// </summary>
internal sealed class StateVector
{
    private readonly Complex[] _amplitudes;

    public StateVector(int qubitCount)
    {
        if (qubitCount is < 1 or > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(qubitCount), qubitCount, "The state vector holds 1 to 30 qubits.");
        }

        QubitCount = qubitCount;
        _amplitudes = new Complex[1 << qubitCount];
        _amplitudes[0] = Complex.One;
    }

    public int QubitCount { get; }

    public Complex this[int basisIndex] => _amplitudes[basisIndex];

    /// <summary>Applies a single-qubit unitary to <paramref name="target"/>, conditioned on every qubit in <paramref name="controlMask"/> being |1⟩.</summary>
    public void Apply(in Matrix2 u, int target, int controlMask = 0)
    {
        var bit = 1 << target;
        for (var i = 0; i < _amplitudes.Length; i++)
        {
            // Visit each pair (i, i|bit) once, from its |0⟩ member, and only where all controls are set.
            if ((i & bit) != 0 || (i & controlMask) != controlMask)
            {
                continue;
            }

            var a0 = _amplitudes[i];
            var a1 = _amplitudes[i | bit];
            _amplitudes[i] = (u.A * a0) + (u.B * a1);
            _amplitudes[i | bit] = (u.C * a0) + (u.D * a1);
        }
    }

    /// <summary>Swaps two qubits, conditioned on the control qubits.</summary>
    public void Swap(int first, int second, int controlMask = 0)
    {
        var a = 1 << first;
        var b = 1 << second;
        for (var i = 0; i < _amplitudes.Length; i++)
        {
            // Exchange |..1..0..⟩ with |..0..1..⟩: visit from the member where first is 1 and second is 0.
            if ((i & a) != 0 && (i & b) == 0 && (i & controlMask) == controlMask)
            {
                var j = (i & ~a) | b;
                (_amplitudes[i], _amplitudes[j]) = (_amplitudes[j], _amplitudes[i]);
            }
        }
    }

    /// <summary>Applies exp(-iθ/2 Z⊗Z) to two qubits: a phase that depends on their parity.</summary>
    public void ZzRotation(int first, int second, double theta)
    {
        var even = Complex.FromPolarCoordinates(1, -theta / 2);
        var odd = Complex.FromPolarCoordinates(1, theta / 2);
        for (var i = 0; i < _amplitudes.Length; i++)
        {
            var parity = ((i >> first) ^ (i >> second)) & 1;
            _amplitudes[i] *= parity == 0 ? even : odd;
        }
    }

    /// <summary>The probability of every basis state; sums to 1 up to rounding.</summary>
    public double[] Probabilities()
    {
        var p = new double[_amplitudes.Length];
        for (var i = 0; i < p.Length; i++)
        {
            var a = _amplitudes[i];
            p[i] = (a.Real * a.Real) + (a.Imaginary * a.Imaginary);
        }

        return p;
    }
}
