namespace KipuHub.Emulator.Tool;

/// <summary>Where the emulator's token came from; decides what the banner prints in its place.</summary>
internal enum TokenSource
{
    /// <summary>Random for this run: printed, a developer needs it to configure an app.</summary>
    Generated,

    /// <summary>Given with <c>--token</c>: never echoed, the user knows it.</summary>
    CommandLine,

    /// <summary>
    /// Given in <c>KIPUHUB_EMULATOR_TOKEN</c> (the Aspire hosting integration): never echoed, because the console is
    /// the resource's log and the app already has the token in its connection string.
    /// </summary>
    Environment,
}
