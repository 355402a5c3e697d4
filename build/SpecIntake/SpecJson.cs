using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KipuHub.SpecIntake;

/// <summary>
/// Reads and writes specs/*.json in their checked-in format: 2-space indentation, LF, a final newline, non-ASCII and
/// HTML characters unescaped (so a re-import diffs only where the API changed).
/// </summary>
internal static class SpecJson
{
    private static readonly JsonSerializerOptions Format = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The document as the checked-in text.</summary>
    internal static string Serialize(JsonNode document) => document.ToJsonString(Format) + "\n";

    /// <summary>Parses a JSON document (comments and trailing commas refused, as in the specs).</summary>
    internal static JsonObject Parse(string text) =>
        JsonNode.Parse(text) as JsonObject ?? throw new IntakeException("The document is not a JSON object.");

    /// <summary>Writes <paramref name="document"/> to <paramref name="path"/> atomically: a temporary file, then a rename,
    /// so an interrupted run never leaves half a spec.</summary>
    internal static async Task WriteAsync(string path, JsonNode document, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(temporary, Serialize(document), Utf8NoBom, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }
}
