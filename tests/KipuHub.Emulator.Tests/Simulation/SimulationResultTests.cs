using KipuHub.Emulator.Tests.Support;
using KipuHub.Generated.Quantum;
using Newtonsoft.Json.Linq;

namespace KipuHub.Emulator.Tests.Simulation;

/// <summary>Real results over HTTP: the counts a job returns follow from its circuit.</summary>
[TestFixture]
public class SimulationResultTests : EmulatorTestBase
{
    private async Task<JObject> RunAsync(CreateJobRequest request)
    {
        var job = await Jobs.CreateJobAsync(request);
        Advance(LongEnough);
        return (JObject)await Jobs.GetJobResultAsync(job.Id!);
    }

    private static Dictionary<string, int> Counts(JObject result)
        => ((JObject)result["counts"]!).Properties().ToDictionary(p => p.Name, p => p.Value.Value<int>());

    [Test]
    public async Task An_ionq_bell_circuit_gives_about_half_00_and_half_11_and_an_exact_histogram()
    {
        var result = await RunAsync(Circuits.IonqBell(shots: 4000));

        var counts = Counts(result);
        Assert.That(counts.Keys, Is.SubsetOf(new[] { "00", "11" }));
        Assert.That(counts.Values.Sum(), Is.EqualTo(4000));
        Assert.That(counts["00"] / 4000.0, Is.EqualTo(0.5).Within(0.05));
        Assert.That(result["histogram"]!.Value<double>("00"), Is.EqualTo(0.5).Within(1e-9));
        Assert.That(result["histogram"]!.Value<double>("11"), Is.EqualTo(0.5).Within(1e-9));
        Assert.That(result.Value<int>("qubits"), Is.EqualTo(2));
    }

    [TestCase("aws.sim.sv1")]
    [TestCase("aws.sim.dm1")]
    [TestCase("aws.ionq.aria")]
    [TestCase("aws.iqm.garnet")]
    public async Task An_openqasm_bell_program_gives_only_00_and_11_on_every_aws_backend(string backend)
    {
        var counts = Counts(await RunAsync(Circuits.QasmBell(backend, shots: 4000)));

        Assert.That(counts.Keys, Is.SubsetOf(new[] { "00", "11" }));
        Assert.That(counts["11"] / 4000.0, Is.EqualTo(0.5).Within(0.05));
    }

    [Test]
    public async Task Bit_order_is_qubit_0_rightmost_for_ionq_and_c0_leftmost_for_openqasm()
    {
        var ionq = Counts(await RunAsync(new CreateJobRequest { BackendId = "azure.ionq.simulator", Shots = 10, Input = Circuits.Ionq(2, Circuits.Gate(IonqGate.X, 0)) }));
        var qasm = Counts(await RunAsync(Circuits.Qasm("OPENQASM 3; qubit[2] q; bit[2] c; x q[0]; c = measure q;", shots: 10)));
        var physical = Counts(await RunAsync(Circuits.Qasm("OPENQASM 3.0;\nx $1;\n", shots: 10)));

        Assert.That(ionq, Is.EqualTo(new Dictionary<string, int> { ["01"] = 10 }));
        Assert.That(qasm, Is.EqualTo(new Dictionary<string, int> { ["10"] = 10 }));
        Assert.That(physical, Is.EqualTo(new Dictionary<string, int> { ["01"] = 10 }), "no measurement reads every qubit, q[0] first");
    }

    [Test]
    public async Task A_ghz_state_on_three_qubits_gives_only_000_and_111()
    {
        var ionq = Counts(await RunAsync(new CreateJobRequest
        {
            BackendId = "azure.ionq.simulator",
            Shots = 2000,
            Input = Circuits.Ionq(3, Circuits.Gate(IonqGate.H, 0), Circuits.Gate(IonqGate.Cnot, 1, 0), Circuits.Gate(IonqGate.Cnot, 2, 1)),
        }));
        var qasm = Counts(await RunAsync(Circuits.Qasm("OPENQASM 3; qubit[3] q; bit[3] b; h q[0]; cx q[0], q[1]; cx q[1], q[2]; b = measure q;", shots: 2000)));

        Assert.That(ionq.Keys, Is.EquivalentTo(new[] { "000", "111" }));
        Assert.That(qasm.Keys, Is.EquivalentTo(new[] { "000", "111" }));
    }

    [Test]
    public async Task Rotations_set_the_measurement_probabilities()
    {
        var flip = Counts(await RunAsync(new CreateJobRequest { BackendId = "azure.ionq.simulator", Shots = 100, Input = Circuits.Ionq(1, Circuits.Gate(IonqGate.Rx, 0, rotation: Math.PI)) }));
        var quarter = await RunAsync(new CreateJobRequest { BackendId = "azure.ionq.simulator", Shots = 4000, Input = Circuits.Ionq(1, Circuits.Gate(IonqGate.Ry, 0, rotation: 2 * Math.Asin(0.5))) });
        var phaseOnly = Counts(await RunAsync(Circuits.Qasm("OPENQASM 3; qubit[1] q; bit[1] c; rz(pi/3) q[0]; c[0] = measure q[0];", shots: 100)));
        var interference = Counts(await RunAsync(Circuits.Qasm("OPENQASM 3; qubit[1] q; bit[1] c; h q[0]; rz(pi) q[0]; h q[0]; c[0] = measure q[0];", shots: 100)));

        Assert.That(flip, Is.EqualTo(new Dictionary<string, int> { ["1"] = 100 }));
        Assert.That(quarter["histogram"]!.Value<double>("1"), Is.EqualTo(0.25).Within(1e-9));
        Assert.That(Counts(quarter)["1"] / 4000.0, Is.EqualTo(0.25).Within(0.04));
        Assert.That(phaseOnly, Is.EqualTo(new Dictionary<string, int> { ["0"] = 100 }));
        Assert.That(interference, Is.EqualTo(new Dictionary<string, int> { ["1"] = 100 }));
    }

    [Test]
    public async Task The_same_seed_gives_the_same_counts_and_memory_lists_every_shot()
    {
        async Task<(JObject Result, int Seed)> RunOnFreshHubAsync(int seed)
        {
            var (hub, time) = await StartAsync(o => o.Seed = seed);
            await using var _ = hub;
            using var http = hub.CreateQuantumHttpClient();
            var jobs = new JobsClient(http);
            var request = Circuits.IonqBell(shots: 300);
            request.InputParams = new JobInputParams { AdditionalProperties = { ["memory"] = true } };
            var job = await jobs.CreateJobAsync(request);
            time.Advance(LongEnough);
            return ((JObject)await jobs.GetJobResultAsync(job.Id!), hub.Seed);
        }

        var first = await RunOnFreshHubAsync(1234);
        var second = await RunOnFreshHubAsync(1234);
        var other = await RunOnFreshHubAsync(98765);

        Assert.That(JToken.DeepEquals(first.Result["counts"], second.Result["counts"]), Is.True);
        Assert.That(JToken.DeepEquals(first.Result["memory"], second.Result["memory"]), Is.True);
        Assert.That(JToken.DeepEquals(first.Result["memory"], other.Result["memory"]), Is.False);
        Assert.That(first.Result["memory"]!.Count(), Is.EqualTo(300));
        Assert.That(first.Seed, Is.EqualTo(1234));
    }
}
