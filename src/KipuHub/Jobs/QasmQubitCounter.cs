using System.Globalization;
using System.Text.RegularExpressions;

namespace KipuHub.Jobs;

/// <summary>
/// Counts the qubits an OpenQASM program declares: <c>qubit[n] q;</c> and <c>qubit q;</c> (OpenQASM 3),
/// <c>qreg q[n];</c> (OpenQASM 2), and physical qubits <c>$k</c> (Braket verbatim programs, k + 1 qubits).
/// Comments are skipped, so a commented-out declaration does not count.
/// </summary>
internal static partial class QasmQubitCounter
{
    public static int Count(string program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var code = Comments().Replace(program, " ");
        var declared = 0;
        foreach (Match m in Declarations().Matches(code))
        {
            declared += m.Groups["size"].Success ? int.Parse(m.Groups["size"].Value, CultureInfo.InvariantCulture) : 1;
        }

        var physical = 0;
        foreach (Match m in Physical().Matches(code))
        {
            physical = Math.Max(physical, int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture) + 1);
        }

        return Math.Max(declared, physical);
    }

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"(?<![\w$])(?:qubit\s*(?:\[\s*(?<size>\d{1,6})\s*\])?\s+[A-Za-z_]\w*|qreg\s+[A-Za-z_]\w*\s*\[\s*(?<size>\d{1,6})\s*\])\s*;")]
    private static partial Regex Declarations();

    [GeneratedRegex(@"\$(?<index>\d{1,6})\b")]
    private static partial Regex Physical();
}
