using KipuHub.Jobs;

namespace KipuHub.Tests.Jobs;

[TestFixture]
public class QasmQubitCounterTests
{
    [TestCase("OPENQASM 3.0;\nqubit[2] q;\nh q[0];", 2)]
    [TestCase("OPENQASM 3.0;\nqubit[3] a;\nqubit[ 4 ] b;\nqubit c;", 8)]
    [TestCase("OPENQASM 2.0;\nqreg q[5];\ncreg c[5];", 5)]
    [TestCase("OPENQASM 3.0;\n// qubit[100] unused;\n/* qubit[50] r; */\nqubit[2] q;", 2)]
    [TestCase("OPENQASM 3.0;\nbit[10] c;\nh $0;\ncnot $0, $6;", 7)]
    [TestCase("OPENQASM 3.0;\nbit[4] c;\n", 0)]
    [TestCase("OPENQASM 3.0;\nqubit[2] q;\nfoo_qubit[9] x;", 2)]
    [TestCase("OPENQASM 3.0;\nqubit[1234567] q;", 1234567)]
    [TestCase("OPENQASM 3.0;\nqubit[99999999999999999999999] q;", int.MaxValue)]
    [TestCase("OPENQASM 3.0;\nqubit[2147483647] a;\nqubit[2147483647] b;", int.MaxValue)]
    [TestCase("OPENQASM 3.0;\nh $99999999999999999999;", int.MaxValue)]
    public void Counts_declared_and_physical_qubits(string program, int expected) =>
        Assert.That(QasmQubitCounter.Count(program), Is.EqualTo(expected));
}
