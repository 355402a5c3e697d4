namespace KipuHub.Contract.Capture;

/// <summary>Keeps the first bytes of a body, up to a limit; past it the body counts as not captured (too large to judge).</summary>
internal sealed class BodyCapture
{
    private readonly int _limit;
    private readonly object _gate = new();
    private MemoryStream? _buffer = new();

    internal BodyCapture(int limit) => _limit = limit;

    /// <summary>Records bytes that went through.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            if (_buffer is null)
            {
                return;
            }

            if (_buffer.Length + bytes.Length > _limit)
            {
                _buffer = null; // too large: a partial body would only produce false violations
                return;
            }

            _buffer.Write(bytes);
        }
    }

    /// <summary>Stops recording: the body is too large (a known length) or of a media type no schema judges.</summary>
    public void Skip()
    {
        lock (_gate)
        {
            _buffer = null;
        }
    }

    /// <summary>True once the body grew past the limit or was skipped.</summary>
    public bool Overflowed
    {
        get
        {
            lock (_gate)
            {
                return _buffer is null;
            }
        }
    }

    /// <summary>The whole body, or null when it grew past the limit or was skipped.</summary>
    public ReadOnlyMemory<byte>? Bytes
    {
        get
        {
            lock (_gate)
            {
                // A bare null would convert through the byte[] operator into an empty memory, not a null one.
                return _buffer is null ? default(ReadOnlyMemory<byte>?) : new ReadOnlyMemory<byte>(_buffer.GetBuffer(), 0, (int)_buffer.Length);
            }
        }
    }
}
