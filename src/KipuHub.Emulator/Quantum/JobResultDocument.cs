using System.Text;

namespace KipuHub.Emulator.Quantum;

/// <summary>
/// A job's result JSON, optionally padded to an exact size with a <c>"padding"</c> string of '0's. Only the small part
/// is held in memory; the padding is generated while writing, so a 100 MB result streams in constant memory.
/// </summary>
internal sealed class JobResultDocument
{
    private const int ChunkSize = 64 * 1024;
    private static readonly byte[] Zeros = Enumerable.Repeat((byte)'0', ChunkSize).ToArray();
    private static readonly byte[] PaddingTail = "\"}"u8.ToArray();

    private readonly byte[] _head;
    private readonly long _padding;
    private readonly byte[] _tail;

    private JobResultDocument(JObject body, byte[] head, long padding, byte[] tail)
    {
        Body = body;
        _head = head;
        _padding = padding;
        _tail = tail;
    }

    /// <summary>The result without padding, for callers inside the emulator (the Bell sampler reads its counts).</summary>
    public JObject Body { get; }

    public long Length => _head.Length + _padding + _tail.Length;

    public static JobResultDocument Create(JObject body, long targetBytes)
    {
        var text = NewtonsoftJson.Serialize(body);
        var json = Encoding.UTF8.GetBytes(text);
        var head = Encoding.UTF8.GetBytes(text[..^1] + ",\"padding\":\"");
        var padding = targetBytes - head.Length - PaddingTail.Length;
        return padding <= 0
            ? new JobResultDocument(body, json, 0, [])
            : new JobResultDocument(body, head, padding, PaddingTail);
    }

    public async Task WriteToAsync(Stream output, CancellationToken cancellationToken)
    {
        await output.WriteAsync(_head, cancellationToken).ConfigureAwait(false);
        for (var left = _padding; left > 0; left -= ChunkSize)
        {
            await output.WriteAsync(Zeros.AsMemory(0, (int)Math.Min(ChunkSize, left)), cancellationToken).ConfigureAwait(false);
        }

        await output.WriteAsync(_tail, cancellationToken).ConfigureAwait(false);
    }
}
