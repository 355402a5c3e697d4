namespace KipuHub.Emulator.Simulation;

/// <summary>An OpenQASM program the emulator cannot read, with the 1-based line where reading stopped.</summary>
internal sealed class QasmException : CircuitException
{
    public QasmException(int line, string reason)
        : base($"OpenQASM error at line {line}: {reason}")
    {
        Line = line;
        Reason = reason;
    }

    public int Line { get; }

    public string Reason { get; }
}
