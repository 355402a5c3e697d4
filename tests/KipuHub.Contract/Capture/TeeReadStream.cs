namespace KipuHub.Contract.Capture;

/// <summary>A request body that records what the emulator reads from it.</summary>
internal sealed class TeeReadStream : Stream
{
    private readonly Stream _inner;
    private readonly BodyCapture _capture;

    internal TeeReadStream(Stream inner, BodyCapture capture)
    {
        _inner = inner;
        _capture = capture;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _inner.Read(buffer);
        _capture.Append(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _capture.Append(buffer.Span[..read]);
        return read;
    }

    /// <summary>Reads what the emulator left unread (it answered before reading all), so the whole body is judged.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var chunk = new byte[16 * 1024];
        while (!_capture.Overflowed && await ReadAsync(chunk, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
