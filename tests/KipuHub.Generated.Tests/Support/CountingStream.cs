namespace KipuHub.Generated.Tests.Support;

/// <summary>
/// A read-only stream of <see cref="Length"/> bytes produced on demand (byte i = i % 251), counting how much of it
/// has been read. Lets a test prove a download is streamed: right after the call returns, almost nothing was read.
/// </summary>
public sealed class CountingStream(long length) : Stream
{
    private long _position;

    public long BytesRead => _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public static byte ExpectedByteAt(long index) => (byte)(index % 251);

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - _position);
        for (var i = 0; i < n; i++) buffer[offset + i] = ExpectedByteAt(_position + i);
        _position += n;
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
