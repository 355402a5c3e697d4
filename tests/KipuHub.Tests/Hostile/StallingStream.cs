namespace KipuHub.Tests.Hostile;

/// <summary>
/// A response body that sends <see cref="Prefix"/> and then nothing, ignoring cancellation like a transport that does
/// not honour it. <see cref="Stalled"/> completes when a read starts waiting, so a test advances time only then.
/// </summary>
public sealed class StallingStream(byte[] prefix) : Stream
{
    private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _never = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _position;

    public byte[] Prefix { get; } = prefix;

    public Task Stalled => _stalled.Task;

    public bool Disposed { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position < Prefix.Length)
        {
            var count = Math.Min(buffer.Length, Prefix.Length - _position);
            Prefix.AsMemory(_position, count).CopyTo(buffer);
            _position += count;
            return ValueTask.FromResult(count);
        }

        _stalled.TrySetResult();
        return new ValueTask<int>(_never.Task);
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        // Like a socket being closed under a pending read: the read ends.
        Disposed = true;
        _never.TrySetException(new IOException("The connection was closed."));
        base.Dispose(disposing);
    }
}
