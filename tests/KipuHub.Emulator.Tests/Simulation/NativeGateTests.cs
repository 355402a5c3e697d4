using System.Numerics;
using KipuHub.Emulator.Simulation;
using KipuHub.Emulator.Tests.Support;
using KipuHub.Generated.Quantum;
using Newtonsoft.Json.Linq;

namespace KipuHub.Emulator.Tests.Simulation;

/// <summary>
/// IonQ's native gate set (gpi, gpi2, ms, zz; parameters in turns): the simulator reproduces IonQ's matrices, a native
/// circuit runs over HTTP, and a gate the backend's configuration.gates does not list is refused at POST.
/// </summary>
[TestFixture]
public class NativeGateTests : EmulatorTestBase
{
    private const double Tolerance = 1e-12;

    [Test]
    public async Task The_ionq_simulator_publishes_its_native_gates()
    {
        var backend = await Backends.GetBackendAsync("azure.ionq.simulator");

        Assert.That(backend.Configuration!.Gates!.Select(g => g.Name), Is.EqualTo(new[] { "gpi", "gpi2", "ms" }));
        Assert.That(backend.Configuration.Gates!.All(g => g.NativeGate == true));
    }

    [Test]
    public async Task A_native_bell_circuit_gives_about_half_00_and_half_11()
    {
        var job = await Jobs.CreateJobAsync(NativeJob(2, Ms(0, 1, 0, 0)));
        Advance(LongEnough);
        var result = (JObject)await Jobs.GetJobResultAsync(job.Id!);

        var counts = ((JObject)result["counts"]!).Properties().ToDictionary(p => p.Name, p => p.Value.Value<int>());
        Assert.That(counts.Keys, Is.SubsetOf(new[] { "00", "11" }));
        Assert.That(counts.Values.Sum(), Is.EqualTo(4000));
        Assert.That(counts["00"] / 4000.0, Is.EqualTo(0.5).Within(0.05));
        Assert.That(result["histogram"]!.Value<double>("11"), Is.EqualTo(0.5).Within(1e-9));
    }

    [Test]
    public void Gpi_and_gpi2_follow_ionqs_matrices_in_turns()
    {
        var gpi = State(1, Item("gpi", 0, phase: 0.125));
        var gpi2 = State(1, Item("gpi2", 0, phase: 0.125));
        var twice = State(1, Item("gpi2", 0, phase: 0), Item("gpi2", 0, phase: 0));

        // Column 0 of GPI(φ) is (0, e^{2πiφ}); of GPI2(φ) is (1, -i e^{2πiφ})/√2.
        AssertAmplitude(gpi[0], Complex.Zero);
        AssertAmplitude(gpi[1], Complex.FromPolarCoordinates(1, Math.PI / 4));
        AssertAmplitude(gpi2[0], new Complex(1 / Math.Sqrt(2), 0));
        AssertAmplitude(gpi2[1], -Complex.ImaginaryOne * Complex.FromPolarCoordinates(1 / Math.Sqrt(2), Math.PI / 4));
        AssertAmplitude(twice[1], -Complex.ImaginaryOne, "GPI2(0)·GPI2(0) = -i X");
    }

    [TestCase(0.0, 0.0)]
    [TestCase(0.1, 0.3)]
    [TestCase(-0.25, 0.6)]
    public void Ms_follows_ionqs_fully_entangling_matrix(double phi0, double phi1)
    {
        // IonQ's MS(φ0, φ1) on |q0 q1⟩: |00⟩ → (|00⟩ - i e^{2πi(φ0+φ1)} |11⟩)/√2 and |01⟩ → (|01⟩ - i e^{2πi(φ0-φ1)} |10⟩)/√2
        // (columns 0 and 1 of the matrix; q0 is targets[0]). Basis index bit k is qubit k, so |q0=0 q1=1⟩ is index 2.
        var fromZero = State(2, Ms(0, 1, phi0, phi1));
        var fromOne = State(2, Item("gpi", 1, phase: 0), Ms(0, 1, phi0, phi1));
        var h = 1 / Math.Sqrt(2);

        AssertAmplitude(fromZero[0], h);
        AssertAmplitude(fromZero[3], -Complex.ImaginaryOne * Complex.FromPolarCoordinates(h, 2 * Math.PI * (phi0 + phi1)));
        AssertAmplitude(fromOne[2], h, "GPI(0) = X put q1 in |1⟩");
        AssertAmplitude(fromOne[1], -Complex.ImaginaryOne * Complex.FromPolarCoordinates(h, 2 * Math.PI * (phi0 - phi1)));
    }

    [Test]
    public void Ms_angle_and_zz_are_in_turns()
    {
        var identity = State(2, Ms(0, 1, 0.2, 0.4, angle: 0));
        var flip = State(2, Ms(0, 1, 0, 0, angle: 0.5));
        var zz = State(2, Item("gpi2", 0, phase: 0.25), Item("gpi2", 1, phase: 0.25), new IonqCircuitItem { Type = new IonqGate("zz"), Targets = [0, 1], Angle = 0.25 });

        AssertAmplitude(identity[0], 1, "angle 0 is the identity");
        Assert.That(flip[3].Magnitude, Is.EqualTo(1).Within(Tolerance), "angle 0.5 maps |00⟩ to |11⟩");
        // exp(-iπ/4 Z⊗Z) on |++⟩ (GPI2(0.25) = Ry(π/2)): every amplitude keeps magnitude 1/2, parity-odd ones gain e^{iπ/2} relative to even.
        Assert.That(zz[1] / zz[0], Is.EqualTo(Complex.ImaginaryOne).Using<Complex>((a, b) => (a - b).Magnitude < 1e-9));
    }

    [Test]
    public void A_native_circuit_refuses_qis_gates_and_controls()
    {
        var qis = Assert.Throws<CircuitException>(() => Compile(1, new IonqCircuitItem { Type = IonqGate.H, Targets = [0] }));
        var controlled = Assert.Throws<CircuitException>(() => Compile(2, new IonqCircuitItem { Type = IonqGate.Gpi, Phase = 0, Targets = [1], Controls = [0] }));

        Assert.That(qis!.Message, Does.Contain("gpi, gpi2, ms, zz"));
        Assert.That(controlled!.Message, Does.Contain("no controls"));
    }

    [Test]
    public async Task A_gate_the_backend_does_not_list_is_refused_at_post_naming_the_gate_and_the_listed_ones()
    {
        var zz = NativeJob(2, new IonqCircuitItem { Type = new IonqGate("zz"), Targets = [0, 1], Angle = 0.25 });
        var mixed = NativeJob(2, Item("gpi2", 0, phase: 0), new IonqCircuitItem { Type = IonqGate.Cnot, Targets = [1], Controls = [0] });

        var zzError = Api.FailsWith(422, () => Jobs.CreateJobAsync(zz)).Value<string>("message");
        var mixedError = Api.FailsWith(422, () => Jobs.CreateJobAsync(mixed)).Value<string>("message");

        Assert.That(zzError, Does.Contain("zz").And.Contain("gpi, gpi2, ms").And.Contain("configuration.gates"));
        Assert.That(mixedError, Does.Contain("cnot").And.Contain("input.circuit[1]"));
        Assert.That((await Jobs.SearchJobsAsync(page: 0, size: 10)).Content, Is.Empty, "nothing was created");
    }

    private static CreateJobRequest NativeJob(int qubits, params IonqCircuitItem[] gates) => new()
    {
        BackendId = "azure.ionq.simulator",
        Shots = 4000,
        Input = NativeInput(qubits, gates),
    };

    private static AzureIonqSimulatorJobInput NativeInput(int qubits, IonqCircuitItem[] gates)
    {
        var input = new AzureIonqSimulatorJobInput { Gateset = "native", Qubits = qubits };
        foreach (var gate in gates)
        {
            input.Circuit.Add(gate);
        }

        return input;
    }

    private static IonqCircuitItem Item(string gate, int target, double phase) => new() { Type = new IonqGate(gate), Targets = [target], Phase = phase };

    private static IonqCircuitItem Ms(int first, int second, double phi0, double phi1, double? angle = null)
        => new() { Type = IonqGate.Ms, Targets = [first, second], Phases = [phi0, phi1], Angle = angle };

    private static QuantumProgram Compile(int qubits, params IonqCircuitItem[] gates) => IonqCircuitCompiler.Compile(NativeInput(qubits, gates));

    private static StateVector State(int qubits, params IonqCircuitItem[] gates) => Compile(qubits, gates).Run();

    private static void AssertAmplitude(Complex actual, Complex expected, string? because = null)
        => Assert.That((actual - expected).Magnitude, Is.LessThan(Tolerance), because ?? $"expected {expected}, got {actual}");
}
