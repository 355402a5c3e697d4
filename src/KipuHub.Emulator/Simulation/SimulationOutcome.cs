namespace KipuHub.Emulator.Simulation;

/// <summary>Counts sampled from a circuit, the exact probabilities, and (optionally) every shot.</summary>
internal sealed record SimulationOutcome(
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyDictionary<string, double> Probabilities,
    IReadOnlyList<string>? Memory);
