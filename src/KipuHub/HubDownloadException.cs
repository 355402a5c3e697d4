namespace KipuHub;

/// <summary>
/// A download ended before all bytes arrived (connection reset, body cut off, length mismatch). A download to a file
/// path leaves nothing at the destination: the partial data was in a temporary file, which is deleted. A download to
/// a caller's stream may have written part of the data to it.
/// </summary>
/// <remarks>
/// It derives from <see cref="HubException"/> like every SDK exception (one <c>catch</c> handles them all); the
/// underlying <see cref="IOException"/> or <see cref="HttpRequestException"/>, if any, is the <see cref="Exception.InnerException"/>.
/// </remarks>
public sealed class HubDownloadException : HubException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="bytesReceived">Bytes that arrived before the failure.</param>
    /// <param name="expectedBytes">Bytes the server announced (Content-Length), if it did.</param>
    /// <param name="innerException">The underlying I/O failure, if any.</param>
    public HubDownloadException(string message, long bytesReceived, long? expectedBytes, Exception? innerException = null)
        : base(message, innerException)
    {
        BytesReceived = bytesReceived;
        ExpectedBytes = expectedBytes;
    }

    /// <summary>Bytes that arrived before the failure.</summary>
    public long BytesReceived { get; }

    /// <summary>Bytes the server announced (Content-Length), if it did.</summary>
    public long? ExpectedBytes { get; }
}
