using System.Buffers;

namespace KipuHub.Streaming;

/// <summary>Constant-memory copying with byte progress: one pooled buffer, never the whole payload.</summary>
internal static class StreamCopy
{
    /// <summary>The buffer size used for downloads (the same as <see cref="Stream.CopyToAsync(Stream)"/>'s default).</summary>
    public const int BufferSize = 81920;

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/>, reporting the running byte count.</summary>
    /// <returns>Bytes copied.</returns>
    public static async Task<long> CopyAsync(Stream source, Stream destination, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                total += read;
                progress?.Report(total);
            }
            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
