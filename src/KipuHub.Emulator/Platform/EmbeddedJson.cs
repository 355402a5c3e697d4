namespace KipuHub.Emulator.Platform;

/// <summary>Reads the JSON documents KipuHub.Emulator.csproj embeds (the Platform spec, the catalog seed).</summary>
internal static class EmbeddedJson
{
    /// <summary>Parses the embedded resource <paramref name="logicalName"/>, embedded from <paramref name="source"/>.</summary>
    public static JObject Read(string logicalName, string source)
    {
        using var stream = typeof(EmbeddedJson).Assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"The embedded resource {logicalName} is missing; KipuHub.Emulator.csproj embeds {source}.");
        using var reader = new StreamReader(stream);
        return JObject.Parse(reader.ReadToEnd());
    }
}
