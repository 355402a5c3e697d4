using System.Numerics;
using KipuHub.Emulator.Simulation;

namespace KipuHub.Emulator.Tests.Simulation;

/// <summary>Gate identities on the simulator itself (internal types, no HTTP).</summary>
[TestFixture]
public class StateVectorTests
{
    private static double[] Run(int qubits, Action<CircuitBuilder> build)
    {
        var builder = new CircuitBuilder();
        build(builder);
        return new QuantumProgram(qubits, builder.Operations, QuantumProgram.BigEndianReadout(qubits)).Run().Probabilities();
    }

    private static StateVector State(int qubits, Action<CircuitBuilder> build)
    {
        var builder = new CircuitBuilder();
        build(builder);
        return new QuantumProgram(qubits, builder.Operations, QuantumProgram.BigEndianReadout(qubits)).Run();
    }

    [Test]
    public void Squares_of_gates_give_the_expected_gates()
    {
        var hh = State(1, b => { b.Unitary(Gates.H, 0); b.Unitary(Gates.H, 0); });
        var ss = State(1, b => { b.Unitary(Gates.H, 0); b.Unitary(Gates.S, 0); b.Unitary(Gates.S, 0); b.Unitary(Gates.H, 0); });
        var vv = State(1, b => { b.Unitary(Gates.V, 0); b.Unitary(Gates.V, 0); });
        var tt = State(1, b => { b.Unitary(Gates.H, 0); b.Unitary(Gates.T, 0); b.Unitary(Gates.T, 0); b.Unitary(Gates.Sdg, 0); b.Unitary(Gates.H, 0); });

        Assert.That(hh[0].Magnitude, Is.EqualTo(1).Within(1e-12), "H·H = I");
        Assert.That(ss[1].Magnitude, Is.EqualTo(1).Within(1e-12), "H S S H = H Z H = X");
        Assert.That(vv[1].Magnitude, Is.EqualTo(1).Within(1e-12), "V·V = X");
        Assert.That(tt[0].Magnitude, Is.EqualTo(1).Within(1e-12), "T·T = S");
    }

    [Test]
    public void Controlled_gates_act_only_when_every_control_is_set()
    {
        var off = Run(3, b => b.Unitary(Gates.X, 2, [0, 1]));
        var on = Run(3, b => { b.Unitary(Gates.X, 0); b.Unitary(Gates.X, 1); b.Unitary(Gates.X, 2, [0, 1]); });
        var swapped = Run(2, b => { b.Unitary(Gates.X, 0); b.Swap(0, 1); });

        Assert.That(off[0], Is.EqualTo(1).Within(1e-12));
        Assert.That(on[0b111], Is.EqualTo(1).Within(1e-12));
        Assert.That(swapped[0b10], Is.EqualTo(1).Within(1e-12));
    }

    [Test]
    public void Two_qubit_pauli_rotations_by_pi_flip_or_phase_both_qubits()
    {
        var xx = Run(2, b => b.Xx(0, 1, Math.PI));
        var yy = Run(2, b => b.Yy(0, 1, Math.PI));
        var zz = State(2, b => b.Zz(0, 1, Math.PI));
        var halfXx = Run(2, b => b.Xx(0, 1, Math.PI / 2));

        Assert.That(xx[0b11], Is.EqualTo(1).Within(1e-12), "XX(π) = -i X⊗X");
        Assert.That(yy[0b11], Is.EqualTo(1).Within(1e-12), "YY(π) = -i Y⊗Y");
        Assert.That(zz[0], Is.EqualTo(new Complex(0, -1)).Using<Complex>((a, b) => Complex.Abs(a - b) < 1e-12), "ZZ(π)|00⟩ = -i|00⟩");
        Assert.That(halfXx[0b00], Is.EqualTo(0.5).Within(1e-12), "XX(π/2) entangles |00⟩ and |11⟩");
        Assert.That(halfXx[0b11], Is.EqualTo(0.5).Within(1e-12));
    }

    [Test]
    public void Sampling_is_deterministic_for_a_seed_and_covers_only_possible_outcomes()
    {
        var builder = new CircuitBuilder();
        builder.Unitary(Gates.H, 0);
        builder.Unitary(Gates.X, 1, [0]);
        var program = new QuantumProgram(2, builder.Operations, QuantumProgram.BigEndianReadout(2));

        var a = Sampler.Sample(program, 1000, 5, keepMemory: true);
        var b = Sampler.Sample(program, 1000, 5, keepMemory: true);

        Assert.That(a.Counts, Is.EqualTo(b.Counts));
        Assert.That(a.Counts.Keys, Is.EquivalentTo(new[] { "00", "11" }));
        Assert.That(a.Memory, Has.Count.EqualTo(1000));
        Assert.That(a.Probabilities["00"], Is.EqualTo(0.5).Within(1e-12));
    }
}
