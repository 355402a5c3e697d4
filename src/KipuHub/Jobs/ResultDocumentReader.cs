using System.Buffers;
using System.Text;
using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace KipuHub.Jobs;

/// <summary>
/// Reads a job's result document from its stream without holding the whole document: <c>counts</c>, <c>histogram</c>,
/// <c>probabilities</c> and every top-level number, string or boolean are kept; other top-level objects and arrays
/// (raw measurements, memory dumps, which can be hundreds of megabytes) are skipped and named in
/// <see cref="JobResult.OmittedMembers"/>.
/// </summary>
/// <remarks>
/// System.Text.Json's <see cref="Utf8JsonReader"/> walks the bytes: it skips a value without creating a string for
/// each of its tokens (Newtonsoft's reader allocated one per skipped measurement, hundreds of MiB for a large result),
/// and it refuses what JSON does not allow (a NUL, content after the document). The stream is read to its end, so a
/// body cut short of its Content-Length fails too. Kept members are small and become <see cref="JToken"/>s.
/// </remarks>
internal static class ResultDocumentReader
{
    private const int InitialBufferSize = 64 * 1024;

    private static readonly HashSet<string> KeptObjects = new(StringComparer.Ordinal) { "counts", "histogram", "probabilities" };

    /// <summary>Reads the kept members; the stream is read asynchronously, so cancellation and the read timeout apply.</summary>
    /// <exception cref="Newtonsoft.Json.JsonException">The document is not one well-formed JSON object.</exception>
    public static async Task<(JObject Kept, IReadOnlyList<string> Omitted)> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var walk = new Walk();
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        try
        {
            var filled = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            var start = buffer.AsSpan(0, filled).StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
            var final = filled == 0;
            while (true)
            {
                var consumed = start + walk.Advance(buffer.AsSpan(start, filled - start), final);
                if (final)
                {
                    return walk.RootClosed
                        ? (walk.Kept, walk.Omitted)
                        : throw new Newtonsoft.Json.JsonReaderException("The result document ended before its closing brace.");
                }

                // Keep what the reader could not finish, then read more; a token larger than the buffer grows it.
                var left = filled - consumed;
                if (consumed == 0 && left == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, left).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                else
                {
                    buffer.AsSpan(consumed, left).CopyTo(buffer);
                }

                var read = await stream.ReadAsync(buffer.AsMemory(left), cancellationToken).ConfigureAwait(false);
                filled = left + read;
                final = read == 0;
                start = 0;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The walk over the top-level members, resumable from one buffer to the next.</summary>
    private sealed class Walk
    {
        private JsonReaderState _state;
        private string? _name;
        private bool _skipping;
        private MemoryStream? _capture;

        public JObject Kept { get; } = new();

        public List<string> Omitted { get; } = [];

        public bool RootClosed { get; private set; }

        /// <summary>Reads every whole token in <paramref name="data"/>; returns the bytes consumed.</summary>
        public int Advance(ReadOnlySpan<byte> data, bool final)
        {
            var reader = new Utf8JsonReader(data, final, _state);
            var captureFrom = 0;
            try
            {
                while (reader.Read())
                {
                    captureFrom = Step(ref reader, data, captureFrom);
                }
            }
            catch (JsonException ex)
            {
                var line = (int)(ex.LineNumber ?? 0) + 1;
                var position = (int)(ex.BytePositionInLine ?? 0) + 1;
                throw new Newtonsoft.Json.JsonReaderException($"The result is not valid JSON (line {line}, byte {position}).", string.Empty, line, position, null);
            }

            var consumed = (int)reader.BytesConsumed;
            if (_capture is not null)
            {
                // A kept value goes on into the next buffer: keep its bytes so far.
                _capture.Write(data[captureFrom..consumed]);
            }

            _state = reader.CurrentState;
            return consumed;
        }

        // Handles one token; returns where, in this buffer, the bytes of a kept value being captured start.
        private int Step(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, int captureFrom)
        {
            var depth = reader.CurrentDepth;
            var type = reader.TokenType;
            if (depth == 0)
            {
                RootClosed |= type == JsonTokenType.EndObject;
                return type is JsonTokenType.StartObject or JsonTokenType.EndObject ? captureFrom : throw new JsonException("The result is not a JSON object.");
            }

            var endsMember = depth == 1 && type is JsonTokenType.EndObject or JsonTokenType.EndArray;
            if (_skipping)
            {
                // Nothing of a skipped value is read into memory.
                _skipping = !endsMember;
                return captureFrom;
            }

            if (_capture is not null)
            {
                if (endsMember)
                {
                    _capture.Write(data[captureFrom..(int)reader.BytesConsumed]);
                    Kept[_name!] = JToken.Parse(Encoding.UTF8.GetString(_capture.GetBuffer(), 0, (int)_capture.Length));
                    _capture = null;
                }

                return captureFrom;
            }

            if (depth != 1)
            {
                return captureFrom;
            }

            switch (type)
            {
                case JsonTokenType.PropertyName:
                    _name = reader.GetString();
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray when KeptObjects.Contains(_name!):
                    _capture = new MemoryStream();
                    return (int)reader.TokenStartIndex;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    Omitted.Add(_name!);
                    _skipping = true;
                    break;
                case JsonTokenType.String:
                    Kept[_name!] = new JValue(reader.GetString());
                    break;
                case JsonTokenType.Null:
                    Kept[_name!] = JValue.CreateNull();
                    break;
                default:
                    // Numbers and booleans, parsed as Newtonsoft would have (integers stay integers).
                    Kept[_name!] = JToken.Parse(Encoding.UTF8.GetString(reader.ValueSpan));
                    break;
            }

            return captureFrom;
        }
    }
}
