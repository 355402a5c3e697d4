namespace KipuHub;

/// <summary>
/// Something did not finish in time: an HTTP attempt got no response within the client's timeout, or a wait gave up.
/// </summary>
/// <remarks>
/// Thrown only when a time limit passed. When the caller's own <see cref="CancellationToken"/> is cancelled the SDK
/// throws <see cref="OperationCanceledException"/> instead, so the two are easy to tell apart.
/// </remarks>
public class HubTimeoutException : HubException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What timed out and what to do.</param>
    /// <param name="timeout">The limit that passed, or <see langword="null"/> when it is not known.</param>
    /// <param name="lastStatus">The last status seen of the thing being waited for, or <see langword="null"/>.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    public HubTimeoutException(string message, TimeSpan? timeout = null, string? lastStatus = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Timeout = timeout;
        LastStatus = lastStatus;
    }

    /// <summary>Gets the limit that passed, or <see langword="null"/> when it is not known.</summary>
    public TimeSpan? Timeout { get; }

    /// <summary>Gets the last status seen of the thing being waited for (for waits), or <see langword="null"/>.</summary>
    public string? LastStatus { get; }

    /// <summary>Gets what timed out, for example <c>GET /quantum/jobs/42</c> or <c>Jobs.GetJobAsync</c>.</summary>
    public string? Operation { get; init; }
}
