using KipuHub.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>
/// Puts the SDK's handlers (<see cref="HubHttpPipeline.CreateHandlers"/>, the facade's one pipeline recipe) around
/// whatever the registration and the user added to a Kipu Hub <c>HttpClient</c>: the resilience handler and the
/// user's handlers fill the recipe's retry slot.
/// </summary>
/// <remarks>
/// It runs as a post-configure action, after every <c>AddHttpMessageHandler</c> and <c>AddResilienceHandler</c>, so
/// the per-call handlers stay outermost and the per-attempt ones (logging, redirects, organization, token) innermost,
/// whatever the order of calls.
/// </remarks>
internal static class SdkHandlers
{
    /// <summary>Registers the action for the named client.</summary>
    public static void Register(IServiceCollection services, string clientName) =>
        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<HttpClientFactoryOptions>>(
            new Microsoft.Extensions.Options.PostConfigureOptions<HttpClientFactoryOptions>(
                clientName,
                options => options.HttpMessageHandlerBuilderActions.Add(Apply)));

    private static void Apply(HttpMessageHandlerBuilder builder)
    {
        var endpoint = builder.Services.GetRequiredKeyedService<EndpointContext>(builder.Name);

        // The primary handler is the transport: the same redirect rule as for a handler passed in the options.
        HubHttpPipeline.EnsureNoAutoRedirect(builder.PrimaryHandler, $"the primary handler of HttpClient '{builder.Name}'");
        var stages = HubHttpPipeline.CreateHandlers(endpoint.Options);
        for (var i = 0; i < stages.PerCall.Count; i++)
        {
            builder.AdditionalHandlers.Insert(i, stages.PerCall[i]);
        }

        foreach (var handler in stages.PerAttempt)
        {
            builder.AdditionalHandlers.Add(handler);
        }
    }
}
