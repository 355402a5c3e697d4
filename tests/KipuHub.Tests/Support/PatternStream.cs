namespace KipuHub.Tests.Support;

/// <summary>
/// A non-seekable stream of <see cref="Length"/> deterministic bytes (byte i is <c>i * 31 + 7</c> mod 256) that
/// counts what was read and can fail after a given number of bytes, like a connection that drops.
/// </summary>
public sealed class PatternStream : Stream
{
    private readonly long _length;
    private readonly long? _failAfter;
    private long _position;

    public PatternStream(long length, long? failAfter = null)
    {
        _length = length;
        _failAfter = failAfter;
    }

    public long BytesRead => Interlocked.Read(ref _position);

    public bool Disposed { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public static byte At(long index) => unchecked((byte)(index * 31 + 7));

    public static byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = At(i);
        }

        return bytes;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_failAfter is { } limit && _position >= limit)
        {
            throw new IOException("The connection was reset (test).");
        }

        var end = Math.Min(_length, _failAfter ?? long.MaxValue);
        var n = (int)Math.Min(buffer.Length, end - _position);
        for (var i = 0; i < n; i++)
        {
            buffer[i] = At(_position + i);
        }

        Interlocked.Add(ref _position, n);
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
