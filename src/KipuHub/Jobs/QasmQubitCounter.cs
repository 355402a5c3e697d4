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
        // Sizes of any length are read, saturating at int.MaxValue: qubit[99999999999] is too many for every backend,
        // not a declaration to skip or an OverflowException.
        long declared = 0;
        foreach (Match m in Declarations().Matches(code))
        {
            declared = Math.Min(int.MaxValue, declared + (m.Groups["size"].Success ? Saturated(m.Groups["size"].Value) : 1));
        }

        long physical = 0;
        foreach (Match m in Physical().Matches(code))
        {
            physical = Math.Max(physical, Math.Min(int.MaxValue, Saturated(m.Groups["index"].Value) + 1));
        }

        return (int)Math.Max(declared, physical);
    }

    private static long Saturated(string digits) =>
        long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? Math.Min(value, int.MaxValue) : int.MaxValue;

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"(?<![\w$])(?:qubit\s*(?:\[\s*(?<size>\d+)\s*\])?\s+[A-Za-z_]\w*|qreg\s+[A-Za-z_]\w*\s*\[\s*(?<size>\d+)\s*\])\s*;")]
    private static partial Regex Declarations();

    [GeneratedRegex(@"\$(?<index>\d+)\b")]
    private static partial Regex Physical();
}
