namespace KipuHub.Emulator.Quantum;

/// <summary>Why a job will end FAILED; decided at submission, revealed when its run ends (as on real hardware).</summary>
internal sealed record JobFailure(string Code, string Message);
