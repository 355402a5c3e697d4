using KipuHub.Emulator.Simulation;
using KipuHub.Emulator.Tests.Support;
using KipuHub.Generated.Quantum;

namespace KipuHub.Emulator.Tests.Simulation;

[TestFixture]
public class QasmParserTests : EmulatorTestBase
{
    private static Dictionary<string, int> Sample(string source, int shots = 200)
        => Sampler.Sample(QasmParser.Parse(source), shots, 1, keepMemory: false).Counts.ToDictionary(p => p.Key, p => p.Value);

    [TestCase("OPENQASM 3; qubit[2] q; bit[2] c; x q[1]; c = measure q;", "01")]
    [TestCase("OPENQASM 3; qubit[2] q; bit[2] c; x q[1]; c[0] = measure q[1]; c[1] = measure q[0];", "10")]
    [TestCase("OPENQASM 3; qubit[2] q; x q[1]; bit[2] c = measure q;", "01")]
    [TestCase("OPENQASM 3; qreg q[2]; creg c[2]; x q[1]; measure q -> c;", "01")]
    [TestCase("OPENQASM 3; qubit[3] q; x q[2]; measure q[2]; measure q[0];", "10")]
    [TestCase("OPENQASM 3; qubit[2] q; x q;", "11")]
    [TestCase("OPENQASM 3; qubit a; qubit[2] b; x b[1]; swap a, b[1];", "100")]
    [TestCase("OPENQASM 3.0; include \"stdgates.inc\"; qubit[3] q; x q[0]; x q[1]; ccx q[0], q[1], q[2]; // toffoli\n", "111")]
    [TestCase("OPENQASM 3; /* block\ncomment */ qubit[1] q; #pragma braket result probability\nrx(2*pi/2) q[0];", "1")]
    [TestCase("OPENQASM 3; qubit[1] q; ry(-(-pi)) q[0]; barrier q;", "1")]
    [TestCase("OPENQASM 3; qubit[1] q; u(pi, 0, pi) q[0];", "1")]
    [TestCase("OPENQASM 3; qubit[2] q; x q[0]; cx q[0], q[1]; cz q[0], q[1]; cy q[0], q[1];", "10")]
    [TestCase("OPENQASM 3; qubit[1] q; h q[0]; phaseshift(pi) q[0]; h q[0];", "1")]
    [TestCase("OPENQASM 3; qubit[2] q; rxx(pi) q[0], q[1];", "11")]
    public void Every_measurement_spelling_and_the_gate_set_read_as_expected(string source, string only)
        => Assert.That(Sample(source), Is.EqualTo(new Dictionary<string, int> { [only] = 200 }));

    [TestCase("OPENQASM 3;\nqubit[2] q;\nfoo q[0];", 3, "unknown gate 'foo'")]
    [TestCase("OPENQASM 3;\nqubit[2] q\nh q[0];", 2, "expected ';'")]
    [TestCase("OPENQASM 3;\nqubit[2] q;\nh r[0];", 3, "unknown qubit register 'r'")]
    [TestCase("OPENQASM 3;\nqubit[2] q;\nh q[2];", 3, "index 2 is outside 'q'")]
    [TestCase("OPENQASM 3;\nqubit[1] q;\nbit[1] c;\nc[0] = measure q[0];\nh q[0];", 5, "after it was measured")]
    [TestCase("OPENQASM 3;\ngate g a { h a; }", 2, "outside the emulator's OpenQASM subset")]
    [TestCase("OPENQASM 2.0;\nqreg q[1];", 1, "reads OpenQASM 3")]
    [TestCase("OPENQASM 3;\nqubit[1] q;\nrx q[0];", 3, "takes 1 angle")]
    [TestCase("OPENQASM 3;\nqubit[2] q;\ncx q[0];", 3, "acts on 2 qubit")]
    [TestCase("OPENQASM 3;\nqubit[1] q;\nrx(1/0) q[0];", 3, "not a finite number")]
    [TestCase("OPENQASM 3;\nbit[2] c;", 2, "declares no qubits")]
    [TestCase("OPENQASM 3;\nqubit[2] q;\nbit[1] c;\nc = measure q;", 4, "sizes must match")]
    [TestCase("OPENQASM 3;\nqubit[1] q;\nx $0;", 3, "not both")]
    [TestCase("OPENQASM 3;\nqubit[1] q;\nh q[0] % 2;", 3, "unexpected character '%'")]
    public void Malformed_programs_name_the_line_and_the_problem(string source, int line, string reason)
    {
        var ex = Assert.Throws<QasmException>(() => QasmParser.Parse(source));

        Assert.That(ex!.Line, Is.EqualTo(line), ex.Message);
        Assert.That(ex.Message, Does.Contain(reason));
    }

    [Test]
    public void A_malformed_program_submitted_over_http_is_a_422_with_the_line()
    {
        var body = Api.FailsWith(422, () => Jobs.CreateJobAsync(Circuits.Qasm("OPENQASM 3;\nqubit[2] q;\nh q[0];\nteleport q[0], q[1];\n")));

        Assert.That(body.Value<string>("message"), Does.Contain("line 4").And.Contain("teleport"));
    }
}
