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

    /// <summary>
    /// Creates the exception for an HTTP attempt that got no response in time, with the SDK's one wording for it,
    /// whichever pipeline (the SDK's retries or a resilience pipeline) timed the attempt.
    /// </summary>
    /// <param name="request">The request whose attempt timed out; its method and path (never the query) name the operation.</param>
    /// <param name="timeout">The per-attempt limit.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    /// <returns>The exception, with <see cref="Operation"/> and <see cref="Timeout"/> set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public static HubTimeoutException ForAttempt(HttpRequestMessage request, TimeSpan timeout, Exception? innerException = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var operation = $"{request.Method.Method} {Http.Internal.RequestProperties.GetPath(request)}";
        var attempt = Http.Internal.RequestProperties.GetAttempt(request);
        return Create(
            operation,
            $"{operation} got no response within {Seconds(timeout)} s (attempt {attempt}). The Hub may be slow or unreachable: raise the client's " +
            "Timeout option (KipuHub:Timeout with AddKipuHub, or HubRequestOptions.Timeout for some calls), or check the network and the base URL." +
            (Internal.OperationKinds.IsJobSubmission(request) ? " " + Internal.OperationKinds.AmbiguousJobSubmission : string.Empty),
            timeout,
            innerException);
    }

    /// <summary>Creates the exception for a response body that stopped arriving, with the SDK's one wording for it.</summary>
    /// <param name="operation">The request and its status, for example <c>GET /quantum/jobs/42 (200)</c>.</param>
    /// <param name="timeout">The read timeout (the client's per-attempt <c>Timeout</c>).</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    internal static HubTimeoutException ForStalledBody(string operation, TimeSpan timeout, Exception? innerException) => Create(
        operation,
        $"The response body of {operation} stalled: no data arrived for {Seconds(timeout)} s. The Hub or a proxy stopped sending; try again, " +
        "or raise the client's Timeout option (KipuHub:Timeout with AddKipuHub) if the network is slow.",
        timeout,
        innerException);

    private static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    private static HubTimeoutException Create(string operation, string message, TimeSpan timeout, Exception? innerException) =>
        new(message, timeout, innerException: innerException) { Operation = operation };

    /// <summary>Gets the limit that passed, or <see langword="null"/> when it is not known.</summary>
    public TimeSpan? Timeout { get; }

    /// <summary>Gets the last status seen of the thing being waited for (for waits), or <see langword="null"/>.</summary>
    public string? LastStatus { get; }

    /// <summary>Gets what timed out, for example <c>GET /quantum/jobs/42</c> or <c>Jobs.GetJobAsync</c>.</summary>
    public string? Operation { get; init; }
}
