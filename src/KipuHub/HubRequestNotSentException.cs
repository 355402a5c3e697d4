namespace KipuHub;

/// <summary>
/// A request was refused inside this process and never reached the Hub: a rate limiter or an open circuit breaker
/// of the resilience pipeline stopped it. Nothing happened on the Hub, so sending it again later is safe, even for
/// a job submission.
/// </summary>
public class HubRequestNotSentException : HubException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The request, for example <c>POST /quantum/jobs</c> (never a query string).</param>
    /// <param name="reason">Why it was not sent and what to do, for example "the circuit breaker is open ...".</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    public HubRequestNotSentException(string operation, string reason, Exception? innerException = null)
        : base($"{operation} was not sent: {reason}", innerException)
    {
        Operation = operation;
    }

    /// <summary>Creates the exception for a request refused before it was sent.</summary>
    /// <param name="request">The request; its method and path (never the query) name the operation.</param>
    /// <param name="reason">Why it was not sent and what to do.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public HubRequestNotSentException(HttpRequestMessage request, string reason, Exception? innerException = null)
        : this($"{(request ?? throw new ArgumentNullException(nameof(request))).Method.Method} {Http.Internal.RequestProperties.GetPath(request)}", reason, innerException)
    {
    }

    /// <summary>Gets the request that was not sent, for example <c>POST /quantum/jobs</c>.</summary>
    public string Operation { get; }
}
