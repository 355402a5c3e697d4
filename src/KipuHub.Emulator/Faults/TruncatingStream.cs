namespace KipuHub.Emulator.Faults;

/// <summary>
/// Lets the first <c>limit</c> bytes of a response body through, then resets the connection. Bodies shorter than the
/// limit are held until the handler finishes and then cut in half, so every response it wraps arrives incomplete.
/// Memory stays bounded by the limit whatever the body size.
/// </summary>
internal sealed class TruncatingStream : Stream
{
    private readonly Stream _inner;
    private readonly long _limit;
    private readonly Action _abort;
    private readonly MemoryStream _held = new();
    private bool _cut;

    public TruncatingStream(Stream inner, long limit, Action abort)
    {
        _inner = inner;
        _limit = Math.Max(1, limit);
        _abort = abort;
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_cut)
        {
            throw new IOException("The response was cut off by an injected fault.");
        }

        var room = (int)Math.Min(_limit - _held.Length, buffer.Length);
        _held.Write(buffer.Span[..room]);
        if (_held.Length >= _limit && room < buffer.Length)
        {
            await CutAsync(_held.Length, cancellationToken).ConfigureAwait(false);
            throw new IOException("The response was cut off by an injected fault.");
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Called after the handler: a body that never reached the limit is sent half-way, then cut.</summary>
    public Task FinishAsync(CancellationToken cancellationToken)
        => _cut ? Task.CompletedTask : CutAsync(_held.Length / 2, cancellationToken);

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Flush()
    {
    }

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Synchronous writes are not allowed.");

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private async Task CutAsync(long bytes, CancellationToken cancellationToken)
    {
        _cut = true;
        if (bytes > 0)
        {
            await _inner.WriteAsync(_held.GetBuffer().AsMemory(0, (int)bytes), cancellationToken).ConfigureAwait(false);
            await _inner.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        _abort();
    }
}
