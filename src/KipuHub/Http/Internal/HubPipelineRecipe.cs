using KipuHub.Internal;

namespace KipuHub.Http.Internal;

/// <summary>
/// THE handler order of every Kipu Hub client, standalone or from <c>AddKipuHub</c>: the only place it is written down.
/// </summary>
/// <remarks>
/// <para>Outermost first:</para>
/// <list type="number">
/// <item><b>Per call</b> (once, around all retries): <see cref="AsyncOnlyHandler"/>, <see cref="RequestContextHandler"/>
/// (the request's <see cref="HubRequestOptions"/>, from <see cref="HubRequestContext"/> or <c>SendAsync</c>), <see cref="ResponseHintsHandler"/>
/// (Retry-After for waits), <see cref="HeadersHandler"/> (when there are extra headers), <see cref="UserAgentHandler"/>,
/// <see cref="TracingHandler"/> (one span per call), then the caller's <see cref="HubPipelinePosition.PerCall"/> handlers.</item>
/// <item><b>The retry slot</b>: the SDK's <see cref="RetryHandler"/> for the standalone clients; for <c>AddKipuHub</c>,
/// Microsoft.Extensions.Http.Resilience and the application's <c>IHttpClientBuilder</c> handlers, which
/// <c>IHttpClientFactory</c> places between the two groups (<see cref="HubHttpPipeline.CreateHandlers"/>).</item>
/// <item><b>Per attempt</b>: the caller's <see cref="HubPipelinePosition.PerAttempt"/> handlers, <see cref="LoggingHandler"/>,
/// <see cref="TimeoutHandler"/> (only with the SDK's retries; a resilience pipeline times its own attempts),
/// <see cref="RedirectHandler"/>, <see cref="OrganizationHandler"/> (Quantum and Platform: the client's or the request's organization), and innermost the
/// credential handler (<see cref="ApiKeyAuthHandler"/> or <see cref="BearerTokenHandler"/>): <b>this is where a
/// request gets its token</b>, afresh on every attempt and redirect hop, and only for the configured host.</item>
/// </list>
/// </remarks>
internal static class HubPipelineRecipe
{
    /// <summary>Creates the two groups of handlers, not yet linked.</summary>
    /// <param name="settings">The validated options.</param>
    /// <param name="sdkRetries">Whether the SDK's <see cref="RetryHandler"/> fills the retry slot (then attempts are timed by <see cref="TimeoutHandler"/>).</param>
    public static (List<DelegatingHandler> PerCall, List<DelegatingHandler> PerAttempt) CreateStages(PipelineSettings settings, bool sdkRetries)
    {
        var perCall = new List<DelegatingHandler> { new AsyncOnlyHandler(), new RequestContextHandler(), new ResponseHintsHandler(settings.Timeout, settings.TimeProvider) };
        if (settings.Headers.Count > 0)
        {
            perCall.Add(new HeadersHandler(settings.Headers));
        }

        perCall.Add(new UserAgentHandler());
        perCall.Add(new TracingHandler(settings.TimeProvider));
        perCall.AddRange(UserHandlers(settings, HubPipelinePosition.PerCall));

        var perAttempt = UserHandlers(settings, HubPipelinePosition.PerAttempt).ToList();
        perAttempt.Add(new LoggingHandler(settings.LoggerFactory, settings.TimeProvider));
        if (sdkRetries)
        {
            perAttempt.Add(new TimeoutHandler(settings.Timeout, settings.TimeProvider));
        }

        perAttempt.Add(new RedirectHandler(settings.BaseUrl, loggerFactory: settings.LoggerFactory));
        // Always there for the APIs with organizations: a request may bring its own (HubRequestOptions.OrganizationId).
        if (settings.Api != HubApiKind.Service)
        {
            perAttempt.Add(new OrganizationHandler(settings.OrganizationId, settings.BaseUrl));
        }

        perAttempt.Add(CreateCredentialHandler(settings));
        return (perCall, perAttempt);
    }

    /// <summary>Creates the whole standalone chain, the SDK's <see cref="RetryHandler"/> in the retry slot, linked over <paramref name="transport"/>.</summary>
    public static HttpMessageHandler Link(PipelineSettings settings, HttpMessageHandler transport)
    {
        var (perCall, perAttempt) = CreateStages(settings, sdkRetries: true);
        var retry = new RetryHandler(settings.MaxRetries, settings.TimeProvider, settings.LoggerFactory);
        var top = transport;
        foreach (var handler in Enumerable.Reverse([.. perCall, retry, .. perAttempt]))
        {
            handler.InnerHandler = top;
            top = handler;
        }

        return top;
    }

    private static CredentialHeaderHandler CreateCredentialHandler(PipelineSettings settings) => settings.Api == HubApiKind.Service
        ? new BearerTokenHandler(settings.Credential, settings.BaseUrl) { Redactor = settings.Redactor }
        : new ApiKeyAuthHandler(settings.Credential, settings.BaseUrl) { Redactor = settings.Redactor };

    private static IEnumerable<DelegatingHandler> UserHandlers(PipelineSettings settings, HubPipelinePosition position) =>
        settings.UserHandlers.Where(h => h.Position == position).Select(h => h.Create() ?? throw new InvalidOperationException(
            $"A handler factory given to HubClientOptions.AddHandler(..., {position}) returned null; return a new DelegatingHandler each time it is called."));
}
