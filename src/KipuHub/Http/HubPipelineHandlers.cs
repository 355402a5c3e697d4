namespace KipuHub.Http;

/// <summary>
/// The SDK's handlers for a pipeline whose retry stage is yours (for example an <c>IHttpClientFactory</c> client with
/// a Polly resilience handler): put <see cref="PerCall"/> outside your retry handler and <see cref="PerAttempt"/> inside it.
/// </summary>
/// <remarks>
/// <c>AddKipuHub</c> builds its clients this way. The handlers are new instances, not yet linked; use each set once.
/// Attempt timeouts belong to your retry stage (Polly's <c>AttemptTimeout</c>): <see cref="PerAttempt"/> has none.
/// </remarks>
public sealed class HubPipelineHandlers
{
    internal HubPipelineHandlers(Uri baseUrl, IReadOnlyList<DelegatingHandler> perCall, IReadOnlyList<DelegatingHandler> perAttempt)
    {
        BaseUrl = baseUrl;
        PerCall = perCall;
        PerAttempt = perAttempt;
    }

    /// <summary>Gets the normalised base URL the handlers send the token to (ends with '/'): your <see cref="HttpClient.BaseAddress"/>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Gets the handlers that run once per call (async guard, headers, User-Agent, tracing, your per-call handlers), outermost first.</summary>
    public IReadOnlyList<DelegatingHandler> PerCall { get; }

    /// <summary>Gets the handlers that run on every attempt (your per-attempt handlers, logging, redirects, organization, token), outermost first.</summary>
    public IReadOnlyList<DelegatingHandler> PerAttempt { get; }
}
