using KipuHub.Http.Internal;
using KipuHub.Internal;

namespace KipuHub.Http;

/// <summary>
/// Builds the configured <see cref="HttpClient"/> the facade clients use, for use with the raw generated clients:
/// <c>new JobsClient(HubHttpPipeline.CreateQuantumHttpClient(options))</c>.
/// </summary>
/// <remarks>
/// <para>
/// The handlers, outermost first: <see cref="HeadersHandler"/>, <see cref="UserAgentHandler"/>,
/// <see cref="TracingHandler"/>, <see cref="RetryHandler"/>, <see cref="LoggingHandler"/>, <see cref="TimeoutHandler"/> (per attempt),
/// <see cref="RedirectHandler"/>, <see cref="OrganizationHandler"/>, then the auth handler
/// (<see cref="ApiKeyAuthHandler"/> or <see cref="BearerTokenHandler"/>), then the transport. Auth sits innermost so
/// every attempt and every redirect hop gets a current token, and only when it goes to the configured host.
/// </para>
/// <para>
/// The returned client has <see cref="HttpClient.BaseAddress"/> set to the normalised base URL (ending in '/') and
/// an infinite <see cref="HttpClient.Timeout"/> (the per-attempt timeout is the pipeline's). It is yours to dispose;
/// an <c>HttpClient</c> or <c>HttpMessageHandler</c> passed in the options stays with its owner.
/// </para>
/// <para>Raw clients used this way throw the generated <c>ApiException</c>; the facade clients translate it to <see cref="HubApiException"/>.</para>
/// </remarks>
public static class HubHttpPipeline
{
    /// <summary>Creates an <see cref="HttpClient"/> for the Quantum API's raw clients (<c>JobsClient</c>, <c>BackendsClient</c>, ...).</summary>
    /// <param name="options">The options, validated as <see cref="HubQuantumClient"/> validates them.</param>
    /// <returns>The configured client; dispose it when done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are incomplete or inconsistent; the message says what to pass.</exception>
    public static HttpClient CreateQuantumHttpClient(HubQuantumClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Create(options.ToPipelineSettings());
    }

    /// <summary>Creates an <see cref="HttpClient"/> for the Service API's raw client (<c>ServiceApiClient</c>).</summary>
    /// <param name="options">The options, validated as <see cref="HubServiceClient"/> validates them.</param>
    /// <returns>The configured client; dispose it when done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are incomplete or inconsistent; the message says what to pass.</exception>
    public static HttpClient CreateServiceHttpClient(HubServiceClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Create(options.ToPipelineSettings());
    }

    /// <summary>Creates an <see cref="HttpClient"/> for the Platform API.</summary>
    /// <param name="options">The options, validated as <see cref="HubPlatformClient"/> validates them.</param>
    /// <returns>The configured client; dispose it when done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are incomplete or inconsistent; the message says what to pass.</exception>
    public static HttpClient CreatePlatformHttpClient(HubPlatformClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Create(options.ToPipelineSettings());
    }

    /// <summary>Builds the client from validated settings.</summary>
    internal static HttpClient Create(PipelineSettings settings)
    {
        HttpMessageHandler top = CreateTransport(settings);
        foreach (var handler in CreateHandlers(settings).Reverse())
        {
            handler.InnerHandler = top;
            top = handler;
        }

        return new HttpClient(top, disposeHandler: true)
        {
            BaseAddress = settings.BaseUrl,
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The SDK's handlers, outermost first, not yet linked (an <c>IHttpClientFactory</c> registration can add them one by one).</summary>
    internal static IReadOnlyList<DelegatingHandler> CreateHandlers(PipelineSettings settings)
    {
        var handlers = new List<DelegatingHandler> { new AsyncOnlyHandler(), new ResponseHintsHandler() };
        if (settings.Headers.Count > 0)
        {
            handlers.Add(new HeadersHandler(settings.Headers));
        }

        handlers.Add(new UserAgentHandler());
        handlers.Add(new TracingHandler(settings.TimeProvider));
        handlers.Add(new RetryHandler(settings.MaxRetries, settings.TimeProvider, settings.LoggerFactory));
        handlers.Add(new LoggingHandler(settings.LoggerFactory, settings.TimeProvider));
        handlers.Add(new TimeoutHandler(settings.Timeout, settings.TimeProvider));
        handlers.Add(new RedirectHandler(settings.BaseUrl, loggerFactory: settings.LoggerFactory));
        if (settings.OrganizationId is { } organizationId)
        {
            handlers.Add(new OrganizationHandler(organizationId, settings.BaseUrl));
        }

        handlers.Add(settings.CreateAuthHandler(settings.BaseUrl, settings.Redactor));
        return handlers;
    }

    private static HttpMessageHandler CreateTransport(PipelineSettings settings) => settings switch
    {
        { HttpClient: { } client } => new HttpClientTransport(client),
        { HttpMessageHandler: { } handler } => new HandlerTransport(handler),
        _ => new SocketsHttpHandler
        {
            // Redirects are followed by RedirectHandler, which keeps tokens on the configured host.
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            // Long-lived clients should notice DNS changes.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        },
    };
}
