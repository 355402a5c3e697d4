namespace KipuHub.Http;

/// <summary>Where a handler of your own runs in a client's pipeline (<see cref="HubClientOptions.AddHandler"/>).</summary>
public enum HubPipelinePosition
{
    /// <summary>Once per call, outside the retries (after the SDK's headers, User-Agent and tracing).</summary>
    PerCall,

    /// <summary>On every attempt, inside the retries, before the SDK's logging, redirect, organization and token handlers.</summary>
    PerAttempt,
}
