namespace KipuHub.Streaming;

/// <summary>
/// A read-only view of a caller's stream that reports the running count of bytes read (upload progress) and never
/// disposes the stream it wraps: the HTTP stack disposes request content, but the caller's stream stays the caller's.
/// </summary>
/// <remarks>
/// Length and seeking are passed through, so <c>StreamContent</c> can still send a Content-Length for a seekable
/// source and rewind it if it must; the count then restarts from the new position.
/// </remarks>
internal sealed class ProgressReadStream : Stream
{
    private readonly Stream _inner;
    private readonly IProgress<long>? _progress;
    private long _read;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The stream to read from; it must be readable.</param>
    /// <param name="progress">Receives the running byte count after every read; null for none.</param>
    public ProgressReadStream(Stream inner, IProgress<long>? progress)
    {
        _inner = inner;
        _progress = progress;
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => _inner.CanSeek;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => _inner.Length;

    /// <inheritdoc />
    public override long Position
    {
        get => _inner.Position;
        set => Seek(value, SeekOrigin.Begin);
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer) => Count(_inner.Read(buffer));

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin)
    {
        var position = _inner.Seek(offset, origin);
        // A rewind (a resend of the body) starts the count again, so progress never exceeds the body's length.
        _read = 0;
        return position;
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException("The upload stream is read-only.");

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The upload stream is read-only.");

    private int Count(int read)
    {
        if (read > 0)
        {
            _read += read;
            _progress?.Report(_read);
        }

        return read;
    }
}
