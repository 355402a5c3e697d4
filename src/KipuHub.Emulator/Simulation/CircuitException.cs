namespace KipuHub.Emulator.Simulation;

/// <summary>
/// A circuit or program the simulator cannot run (an unknown gate, a qubit out of range, a syntax error, ...). The
/// message says what is wrong and how to fix it; whoever received the circuit decides how to report it.
/// </summary>
internal class CircuitException : Exception
{
    public CircuitException(string message)
        : base(message)
    {
    }
}
