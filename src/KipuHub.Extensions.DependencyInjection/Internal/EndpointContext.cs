using Microsoft.Extensions.Logging;

namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>
/// One named <c>HttpClient</c> of a registration: the public client options its configuration maps onto, built once,
/// and what the resilience pipeline needs of them. Clients and handler chains are then built from these options
/// through the facade's public constructors and <c>HubHttpPipeline.CreateHandlers</c> only.
/// </summary>
/// <remarks>A keyed singleton, keyed by the <c>HttpClient</c> name, so every handler chain the factory builds shares it.</remarks>
internal sealed class EndpointContext
{
    public EndpointContext(HubClientOptions options, Uri baseUrl)
    {
        Options = options;
        BaseUrl = baseUrl;
    }

    /// <summary>Gets the options of the facade client (and of the handlers): read, never changed, after creation.</summary>
    public HubClientOptions Options { get; }

    /// <summary>Gets the normalised base URL (ends with '/'), the <c>HttpClient</c>'s base address.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Gets the per-attempt timeout (the resilience pipeline's attempt timeout).</summary>
    public TimeSpan Timeout => Options.Timeout;

    /// <summary>Gets the number of retries of idempotent requests.</summary>
    public int MaxRetries => Options.MaxRetries;

    /// <summary>Gets where the resilience pipeline logs its retries.</summary>
    public ILoggerFactory LoggerFactory => Options.LoggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;

    /// <summary>Creates the endpoint: the options with the resilience pipeline's exception translation as their one per-call handler.</summary>
    public static EndpointContext Create(HubClientOptions options)
    {
        // Polly's exceptions become the SDK's outside the resilience handler, the last per-call stage.
        options.AddHandler(static () => new ResilienceExceptionHandler(), Http.HubPipelinePosition.PerCall);
        return new EndpointContext(options, Http.HubHttpPipeline.CreateHandlers(options).BaseUrl);
    }
}
