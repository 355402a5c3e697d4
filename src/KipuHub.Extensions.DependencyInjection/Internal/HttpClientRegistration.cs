using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>Registers one named <c>HttpClient</c> of the SDK: base address, primary handler, resilience, SDK handlers.</summary>
internal static class HttpClientRegistration
{
    /// <summary>Adds the client and its endpoint context; returns the standard resilience pipeline's name.</summary>
    public static string Add(IServiceCollection services, string clientName, Func<IServiceProvider, EndpointContext> createEndpoint)
    {
        services.AddKeyedSingleton(clientName, (sp, _) => createEndpoint(sp));
        var http = services.AddHttpClient(clientName)
            .ConfigureHttpClient((sp, client) =>
            {
                // The generated clients append relative paths, so the base must end in '/'; timeouts belong to the pipeline.
                client.BaseAddress = sp.GetRequiredKeyedService<EndpointContext>(clientName).BaseUrl;
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                // RedirectHandler follows redirects and keeps the token on the configured host.
                AllowAutoRedirect = false,
                // No compression is negotiated, so a download's Content-Length stays its completeness check.
                AutomaticDecompression = DecompressionMethods.None,
                // A client kept in a singleton still notices DNS changes.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .RedactLoggedHeaders(static _ => true);
        var resilience = http.AddStandardResilienceHandler()
            .Configure((options, sp) =>
            {
                // The pipeline's options are validated at start-up too (ValidateOnStart), and reading the endpoint reads
                // the registration's options: when those are invalid, their OptionsValidationException would be reported
                // once more per pipeline (3 times for AddKipuHub, twice per gateway). Their own validation reports it
                // once; the pipeline keeps its defaults, and the client is never created (SdkHandlers reads the same
                // options and throws).
                if (TryGetEndpoint(sp, clientName) is { } endpoint)
                {
                    ResilienceDefaults.Apply(options, endpoint);
                }
            });
        SdkHandlers.Register(services, clientName);
        return resilience.PipelineName;
    }

    private static EndpointContext? TryGetEndpoint(IServiceProvider services, string clientName)
    {
        try
        {
            return services.GetRequiredKeyedService<EndpointContext>(clientName);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException)
        {
            return null;
        }
    }

    /// <summary>Gets a configured client from the factory.</summary>
    public static HttpClient Create(IServiceProvider services, string clientName) =>
        services.GetRequiredService<IHttpClientFactory>().CreateClient(clientName);

    /// <summary>Gets the logger factory, or a null one.</summary>
    public static ILoggerFactory LoggerFactory(IServiceProvider services) =>
        services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;

    /// <summary>Gets the clock registered in the container (a <c>FakeTimeProvider</c> in tests), or the system clock.</summary>
    public static TimeProvider Time(IServiceProvider services) =>
        services.GetService<TimeProvider>() ?? TimeProvider.System;
}
