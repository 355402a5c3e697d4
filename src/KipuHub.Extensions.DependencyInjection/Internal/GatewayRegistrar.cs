using KipuHub.Credentials;
using KipuHub.Generated.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>Does the work of <c>AddServiceGateway</c> once per gateway name: options, credential, <c>HttpClient</c>, clients keyed by the name.</summary>
internal static class GatewayRegistrar
{
    /// <summary>Returns the registration of gateway <paramref name="name"/>, creating it on first use.</summary>
    public static GatewayRegistration GetOrAdd(IServiceCollection services, string name)
    {
        return RegistrationMarker.GetOrAdd(services, $"KipuHub.Gateway:{name}", () => new GatewayRegistration(name), registration => SetUp(services, registration));
    }

    private static void SetUp(IServiceCollection services, GatewayRegistration registration)
    {
        var name = registration.Name;
        services.AddOptions<KipuHubServiceGatewayOptions>(name).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KipuHubServiceGatewayOptions>>(new GatewayOptionsValidator(registration));
        services.AddKeyedSingleton(registration.AuthKey, (sp, _) => CreateAuth(sp, registration));
        registration.PipelineName = HttpClientRegistration.Add(services, registration.ClientName, sp => CreateEndpoint(sp, registration));

        var client = registration.ClientName;
        ClientRegistration.Add(services, name, sp => new HubServiceClient(HttpClientRegistration.Create(sp, client), (HubServiceClientOptions)sp.GetRequiredKeyedService<EndpointContext>(client).Options));
        ClientRegistration.Alias<IHubServiceClient, HubServiceClient>(services, name);
        ClientRegistration.Add<IServiceApiClient>(services, name, sp => new ServiceApiClient(HttpClientRegistration.Create(sp, client)));
    }

    private static SharedAuth CreateAuth(IServiceProvider services, GatewayRegistration registration)
    {
        var options = Options(services, registration);
        if (options.Credential is { } credential)
        {
            return new SharedAuth(credential, ownsCredential: false);
        }

        if (!string.IsNullOrWhiteSpace(options.Token))
        {
            return new SharedAuth(new StaticCredential(options.Token.Trim()), ownsCredential: true);
        }

        var tokenOptions = new ClientCredentialsTokenProviderOptions
        {
            LoggerFactory = HttpClientRegistration.LoggerFactory(services),
            TimeProvider = HttpClientRegistration.Time(services),
        };
        if (options.TokenEndpoint is { } endpoint)
        {
            tokenOptions.TokenEndpoint = endpoint;
        }

        return new SharedAuth(new ClientCredentialsTokenProvider(options.AccessKeyId!, options.SecretAccessKey!, tokenOptions), ownsCredential: true);
    }

    // The gateway options mapped onto the public HubServiceClientOptions; the facade validates and resolves them.
    private static EndpointContext CreateEndpoint(IServiceProvider services, GatewayRegistration registration)
    {
        var options = Options(services, registration);
        var client = new HubServiceClientOptions
        {
            BaseUrl = options.BaseUrl,
            Credential = services.GetRequiredKeyedService<SharedAuth>(registration.AuthKey).Credential,
        };
        return EndpointContext.Create(HubRegistrar.Shared(services, client, options.Headers, options.Timeout, options.MaxRetries, waiting: null));
    }

    private static KipuHubServiceGatewayOptions Options(IServiceProvider services, GatewayRegistration registration) =>
        services.GetRequiredService<IOptionsMonitor<KipuHubServiceGatewayOptions>>().Get(registration.Name);
}
