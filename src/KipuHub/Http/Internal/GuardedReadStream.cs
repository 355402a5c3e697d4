
namespace KipuHub.Http.Internal;

/// <summary>
/// A response body stream whose reads end: each must deliver data within the read timeout, the caller's token ends
/// a read at once, and a broken connection or a decoding failure becomes a <see cref="HubTransportException"/> that
/// names the operation (the download helpers turn it into <see cref="HubDownloadException"/>).
/// </summary>
/// <remarks>
/// A read that completes synchronously (data already buffered) costs nothing extra; only a read that has to wait
/// arms the timer. When a read times out the underlying stream is disposed, which aborts the connection, so the
/// abandoned read ends too.
/// </remarks>
internal sealed class GuardedReadStream : Stream
{
    private readonly Stream _inner;
    private readonly TimeSpan _readTimeout;
    private readonly TimeProvider _time;
    private readonly string _operation;

    public GuardedReadStream(Stream inner, BodyReadLimits limits)
    {
        _inner = inner;
        (_readTimeout, _time, _operation) = limits;
    }

    /// <inheritdoc />
    public override bool CanRead => _inner.CanRead;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ValueTask<int> pending;
        try
        {
            pending = _inner.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw Broken(ex);
        }

        return pending.IsCompletedSuccessfully ? pending : WaitAsync(pending, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            return _inner.Read(buffer, offset, count);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw Broken(ex);
        }
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => _inner.DisposeAsync();

    private async ValueTask<int> WaitAsync(ValueTask<int> pending, CancellationToken cancellationToken)
    {
        var read = pending.AsTask();
        try
        {
            return await read.WaitAsync(_readTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            Abandon(read);
            throw HubTimeoutException.ForStalledBody(_operation, _readTimeout, ex);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Abandon(read);
            throw;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw Broken(ex);
        }
    }

    // Aborts the connection under a read that will not be awaited, and observes its outcome.
    private void Abandon(Task<int> read)
    {
        _ = read.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _inner.Dispose();
    }

    // The connection broke, or the body could not be decoded: a typed error that names the operation, the cause kept.
    private HubTransportException Broken(Exception cause) => new(
        cause is InvalidDataException
            ? $"The body of {_operation} could not be decoded: it is not in the Content-Encoding its headers declare. A proxy may have changed it; try again."
            : $"The body of {_operation} was cut off: the connection broke or ended before the body was complete ({cause.GetType().Name}). Try again.",
        requestMayHaveReachedTheHub: true,
        cause)
    {
        Operation = _operation,
    };
}
