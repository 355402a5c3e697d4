using KipuHub.Http.Internal;
using KipuHub.Internal;

namespace KipuHub.Http;

/// <summary>
/// Builds the configured <see cref="HttpClient"/> the facade clients use, for use with the raw generated clients:
/// <c>new JobsClient(HubHttpPipeline.CreateQuantumHttpClient(options))</c>; or the SDK's handlers alone, to put around
/// a retry stage of your own (<see cref="CreateHandlers"/>).
/// </summary>
/// <remarks>
/// <para>
/// The order of the handlers (per call, the retry slot, per attempt, where the token is added) is described in
/// docs/architecture.md; it is the same for every client, standalone or registered with <c>AddKipuHub</c>.
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
    public static HttpClient CreateQuantumHttpClient(HubQuantumClientOptions options) => CreateHttpClient(options);

    /// <summary>Creates an <see cref="HttpClient"/> for the Service API's raw client (<c>ServiceApiClient</c>).</summary>
    /// <param name="options">The options, validated as <see cref="HubServiceClient"/> validates them.</param>
    /// <returns>The configured client; dispose it when done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are incomplete or inconsistent; the message says what to pass.</exception>
    public static HttpClient CreateServiceHttpClient(HubServiceClientOptions options) => CreateHttpClient(options);

    /// <summary>Creates an <see cref="HttpClient"/> for the Platform API.</summary>
    /// <param name="options">The options, validated as <see cref="HubPlatformClient"/> validates them.</param>
    /// <returns>The configured client; dispose it when done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are incomplete or inconsistent; the message says what to pass.</exception>
    public static HttpClient CreatePlatformHttpClient(HubPlatformClientOptions options) => CreateHttpClient(options);

    /// <summary>
    /// Creates the SDK's handlers for a pipeline whose retry stage is yours, such as an <c>IHttpClientFactory</c> client
    /// with a resilience handler: <c>AddKipuHub</c> puts <see cref="HubPipelineHandlers.PerCall"/> before and
    /// <see cref="HubPipelineHandlers.PerAttempt"/> after the handlers of its <c>IHttpClientBuilder</c>.
    /// </summary>
    /// <param name="options">The options of the client that will use the pipeline (token, organization, headers, logging, clock, your own handlers).</param>
    /// <returns>New, unlinked handlers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are incomplete or inconsistent; the message says what to pass.</exception>
    /// <remarks><see cref="HubClientOptions.MaxRetries"/> and <see cref="HubClientOptions.Timeout"/> are your retry stage's to apply.</remarks>
    public static HubPipelineHandlers CreateHandlers(HubClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.ToPipelineSettings();
        var (perCall, perAttempt) = HubPipelineRecipe.CreateStages(settings, sdkRetries: false);
        return new HubPipelineHandlers(settings.BaseUrl, perCall, perAttempt);
    }

    /// <summary>
    /// Refuses a transport that follows redirects by itself: it would carry <c>X-Auth-Token</c> to whatever host a
    /// redirect names. The SDK's pipeline follows redirects itself and keeps the token on the configured host.
    /// </summary>
    /// <param name="transport">The transport, or the outermost handler of a chain ending in one.</param>
    /// <param name="description">How the transport is named in the message, e.g. "the primary handler of HttpClient 'x'".</param>
    /// <exception cref="ArgumentNullException"><paramref name="transport"/> is null.</exception>
    /// <exception cref="ArgumentException">The innermost <see cref="SocketsHttpHandler"/> or <see cref="HttpClientHandler"/> has <c>AllowAutoRedirect = true</c>.</exception>
    public static void EnsureNoAutoRedirect(HttpMessageHandler transport, string description)
    {
        ArgumentNullException.ThrowIfNull(transport);
        RedirectGuard.EnsureNoAutoRedirect(transport, description);
    }

    /// <summary>Builds the client from validated settings.</summary>
    internal static HttpClient Create(PipelineSettings settings) =>
        new(HubPipelineRecipe.Link(settings, CreateTransport(settings)), disposeHandler: true)
        {
            BaseAddress = settings.BaseUrl,
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };

    private static HttpClient CreateHttpClient(HubClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Create(options.ToPipelineSettings());
    }

    private static HttpMessageHandler CreateTransport(PipelineSettings settings) => settings switch
    {
        { HttpClient: { } client } => new HttpClientTransport(client),
        { HttpMessageHandler: { } handler } => new HandlerTransport(handler),
        _ => new SocketsHttpHandler
        {
            // Redirects are followed by RedirectHandler, which keeps tokens on the configured host.
            AllowAutoRedirect = false,
            // No compression is negotiated: Content-Length then counts the bytes of a download itself and stays its
            // completeness check (a gzip body cut at a member boundary would otherwise look whole).
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            // Long-lived clients should notice DNS changes.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        },
    };
}
