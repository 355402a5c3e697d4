using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KipuHub.Jobs;

/// <summary>
/// Reads a job's result document from its stream without holding the whole document: <c>counts</c>, <c>histogram</c>
/// and every top-level number, string or boolean are kept; other top-level objects and arrays (raw measurements,
/// memory dumps, which can be hundreds of megabytes) are skipped and named in <see cref="JobResult.OmittedMembers"/>.
/// </summary>
internal static class ResultDocumentReader
{
    private static readonly HashSet<string> KeptObjects = new(StringComparer.Ordinal) { "counts", "histogram", "probabilities" };

    /// <summary>Reads the kept members; the stream is read asynchronously, so cancellation and the read timeout apply.</summary>
    /// <exception cref="JsonException">The document is not a JSON object.</exception>
    public static async Task<(JObject Kept, IReadOnlyList<string> Omitted)> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var text = new NulRefusingReader(new StreamReader(stream));
        using var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, CloseInput = false };
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false) || reader.TokenType != JsonToken.StartObject)
        {
            throw new JsonReaderException("The result is not a JSON object.");
        }

        var kept = new JObject();
        var omitted = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.TokenType == JsonToken.PropertyName)
        {
            var name = (string)reader.Value!;
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (reader.TokenType is JsonToken.StartObject or JsonToken.StartArray && !KeptObjects.Contains(name))
            {
                omitted.Add(name);
                await reader.SkipAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                kept[name] = await JToken.ReadFromAsync(reader, cancellationToken).ConfigureAwait(false);
            }
        }

        if (reader.TokenType != JsonToken.EndObject)
        {
            throw new JsonReaderException("The result document ended before its closing brace.");
        }

        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new JsonReaderException("The result document has content after its closing brace.");
        }

        return (kept, omitted);
    }
}
