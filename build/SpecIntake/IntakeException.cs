namespace KipuHub.SpecIntake;

/// <summary>A failure the intake step reports as a clear message and a non-zero exit code (no stack trace).</summary>
internal sealed class IntakeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IntakeException(string message, int exitCode = ExitCodes.InvalidDocument)
        : base(message) => ExitCode = exitCode;

    /// <summary>Creates the exception with its cause.</summary>
    public IntakeException(string message, Exception innerException, int exitCode = ExitCodes.InvalidDocument)
        : base(message, innerException) => ExitCode = exitCode;

    /// <summary>The process exit code for this failure.</summary>
    public int ExitCode { get; }
}
