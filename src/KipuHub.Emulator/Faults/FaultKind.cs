namespace KipuHub.Emulator.Faults;

/// <summary>What an injected fault does to a request.</summary>
public enum FaultKind
{
    /// <summary>Waits <see cref="FaultRule.Delay"/> (wall-clock) before the request is handled.</summary>
    Latency,

    /// <summary>Handles the request (state changes, e.g. a job is created), then holds the response back for <see cref="FaultRule.Delay"/>.</summary>
    LatencyAfterHandling,

    /// <summary>Answers 429 with a <c>Retry-After</c> header (<see cref="FaultRule.RetryAfter"/>, default 1 s); the request is not handled.</summary>
    TooManyRequests,

    /// <summary>Answers <see cref="FaultRule.StatusCode"/> (500, 502 or 503; default 503) with a JSON error body; the request is not handled.</summary>
    ServerError,

    /// <summary>Resets the connection before the request is handled: nothing happened on the server.</summary>
    ResetConnection,

    /// <summary>Handles the request, then resets the connection before any response byte: the work was done, the client cannot know.</summary>
    ResetAfterHandling,

    /// <summary>Handles the request and sends the headers and the first <see cref="FaultRule.TruncateAfterBytes"/> bytes of the body, then resets the connection.</summary>
    TruncateBody,

    /// <summary>Handles the request and sends its status and headers with a corrupted (unparseable) JSON body.</summary>
    MalformedJson,
}
