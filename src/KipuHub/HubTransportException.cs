namespace KipuHub;

/// <summary>
/// The request did not get a readable answer from the Hub: the connection could not be made (DNS, refused, TLS), or
/// it broke, or the response could not be read off the wire (cut short, or not in the encoding it declared).
/// </summary>
/// <remarks>
/// <see cref="RequestMayHaveReachedTheHub"/> says whether the Hub may have acted on the request: <see langword="false"/>
/// only when the connection was never established, so a job submission that failed this way was certainly not created.
/// The inner exception is .NET's own (<see cref="HttpRequestException"/>, <see cref="IOException"/>), with the detail.
/// </remarks>
public class HubTransportException : HubException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and what to do.</param>
    /// <param name="requestMayHaveReachedTheHub">Whether the request may have reached the Hub.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    public HubTransportException(string message, bool requestMayHaveReachedTheHub, Exception? innerException = null)
        : base(message, innerException)
    {
        RequestMayHaveReachedTheHub = requestMayHaveReachedTheHub;
    }

    /// <summary>Gets whether the request may have reached the Hub (and, for a job submission, created the job).</summary>
    public bool RequestMayHaveReachedTheHub { get; }

    /// <summary>Gets the failed call, for example <c>Jobs.GetJobAsync</c>.</summary>
    public string? Operation { get; init; }
}
