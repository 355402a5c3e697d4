namespace KipuHub;

/// <summary>
/// A job was not submitted because its session no longer takes jobs: it was closed, or its ttl ran out. Nothing was
/// sent to the Hub. Open a new session (<c>OpenSessionAsync</c>) and submit the job there.
/// </summary>
public class HubSessionExpiredException : HubException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="sessionId">The session that refused the job.</param>
    /// <param name="expiresAt">When the session expires or expired, if known.</param>
    /// <param name="reason">What happened, for example "its ttl expired at ...".</param>
    public HubSessionExpiredException(string sessionId, DateTimeOffset? expiresAt, string reason)
        : base($"Session '{sessionId}' no longer takes jobs: {reason}. Nothing was sent to the Hub; open a new session with OpenSessionAsync and submit the job there.")
    {
        SessionId = sessionId;
        ExpiresAt = expiresAt;
    }

    /// <summary>Gets the id of the session that refused the job.</summary>
    public string SessionId { get; }

    /// <summary>Gets when the session expires or expired, or <see langword="null"/> when the Hub did not say.</summary>
    public DateTimeOffset? ExpiresAt { get; }
}
