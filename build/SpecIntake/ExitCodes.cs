namespace KipuHub.SpecIntake;

/// <summary>Exit codes of build/import-spec.sh (documented in README, "When the Hub's API changes").</summary>
internal static class ExitCodes
{
    /// <summary>The spec was written (or, with --dry-run, would have been).</summary>
    internal const int Success = 0;

    /// <summary>Wrong arguments.</summary>
    internal const int Usage = 1;

    /// <summary>The document could not be read, parsed or validated; nothing was written.</summary>
    internal const int InvalidDocument = 2;

    /// <summary>NSwag could not generate code from the imported spec; nothing was written.</summary>
    internal const int GenerationFailed = 3;
}
