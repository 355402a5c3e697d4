using KipuHub.Http;
using KipuHub.Http.Internal;
using KipuHub.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>
/// Puts the SDK's handlers around whatever the registration and the user added to a Kipu Hub <c>HttpClient</c>.
/// </summary>
/// <remarks>
/// <para>It runs as a post-configure action, after every <c>AddHttpMessageHandler</c> and <c>AddResilienceHandler</c>,
/// so the chain is always (outermost first):</para>
/// <list type="number">
/// <item>request-level: async-only guard, headers, User-Agent, <see cref="TracingHandler"/> (one span per call), Polly exception translation;</item>
/// <item>the resilience handler and the user's handlers, in the order they were added;</item>
/// <item>per attempt: <see cref="LoggingHandler"/>, <see cref="RedirectHandler"/>, <see cref="OrganizationHandler"/>,
/// then the auth handler, innermost so every attempt and every redirect hop gets a current token for the configured host only.</item>
/// </list>
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
        RedirectGuard.EnsureNoAutoRedirect(builder.PrimaryHandler, $"the primary handler of HttpClient '{builder.Name}'");
        builder.AdditionalHandlers.Insert(0, new AsyncOnlyHandler());
        builder.AdditionalHandlers.Insert(1, new ResponseHintsHandler());
        var position = 2;
        if (endpoint.Headers.Count > 0)
        {
            builder.AdditionalHandlers.Insert(position++, new HeadersHandler(endpoint.Headers));
        }

        builder.AdditionalHandlers.Insert(position++, new UserAgentHandler());
        builder.AdditionalHandlers.Insert(position++, new TracingHandler(endpoint.TimeProvider));
        builder.AdditionalHandlers.Insert(position, new ResilienceExceptionHandler());

        builder.AdditionalHandlers.Add(new LoggingHandler(endpoint.LoggerFactory, endpoint.TimeProvider));
        builder.AdditionalHandlers.Add(new RedirectHandler(endpoint.BaseUrl, loggerFactory: endpoint.LoggerFactory));
        if (endpoint.OrganizationId is { } organizationId)
        {
            builder.AdditionalHandlers.Add(new OrganizationHandler(organizationId, endpoint.BaseUrl));
        }

        builder.AdditionalHandlers.Add(CreateAuthHandler(endpoint));
    }

    private static DelegatingHandler CreateAuthHandler(EndpointContext endpoint) => endpoint.Api == HubApiKind.Service
        ? new BearerTokenHandler(endpoint.Credential, endpoint.BaseUrl) { Redactor = endpoint.Auth.Redactor }
        : new ApiKeyAuthHandler(endpoint.Credential, endpoint.BaseUrl) { Redactor = endpoint.Auth.Redactor };
}
