using KipuHub.Credentials;
using KipuHub.Generated.Quantum;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>
/// Does the work of <c>AddKipuHub</c> once per key: options and their validation, the credential, the Quantum and
/// Platform <c>HttpClient</c>s, the facade clients and every generated client. A second call finds the first
/// registration and only adds configuration.
/// </summary>
internal static class HubRegistrar
{
    /// <summary>Returns the registration of <paramref name="serviceKey"/>, creating it on first use.</summary>
    public static HubRegistration GetOrAdd(IServiceCollection services, string? serviceKey)
    {
        return RegistrationMarker.GetOrAdd(services, $"KipuHub.Registration:{serviceKey}", () => new HubRegistration(serviceKey), registration =>
        {
            AddOptions(services, registration);
            services.AddKeyedSingleton(registration.AuthKey, (sp, _) => CreateAuth(sp, registration));
            registration.QuantumPipelineName = HttpClientRegistration.Add(services, registration.QuantumClientName, sp => CreateEndpoint(sp, registration, platform: false));
            registration.PlatformPipelineName = HttpClientRegistration.Add(services, registration.PlatformClientName, sp => CreateEndpoint(sp, registration, platform: true));
            AddClients(services, registration);
        });
    }

    private static void AddOptions(IServiceCollection services, HubRegistration registration)
    {
        services.AddOptions<KipuHubOptions>(registration.OptionsName).ValidateOnStart();

        // One validator per registration; each skips the other names (TryAddEnumerable would keep only the first).
        services.AddSingleton<IValidateOptions<KipuHubOptions>>(new KipuHubOptionsValidator(registration));
    }

    private static SharedAuth CreateAuth(IServiceProvider services, HubRegistration registration)
    {
        if (registration.CredentialFactory is { } factory)
        {
            return new SharedAuth(factory(services), ownsCredential: false);
        }

        var options = Options(services, registration);
        var apiKey = string.IsNullOrWhiteSpace(options.ApiKey) ? null : options.ApiKey.Trim();
        return new SharedAuth(new DefaultCredentialsProvider(apiKey, options.CredentialEnvironment, HttpClientRegistration.LoggerFactory(services)), ownsCredential: true);
    }

    // KipuHubOptions mapped onto the public options of the facade client of one API; the facade validates and resolves them.
    private static EndpointContext CreateEndpoint(IServiceProvider services, HubRegistration registration, bool platform)
    {
        var options = Options(services, registration);
        var credential = services.GetRequiredKeyedService<SharedAuth>(registration.AuthKey).Credential;
        HubClientOptions client = !platform
            ? new HubQuantumClientOptions
            {
                BaseUrl = options.BaseUrl, Environment = options.Environment, Credential = credential, OrganizationId = options.OrganizationId,
                ValidateBeforeSubmit = options.ValidateBeforeSubmit,
                // One budget per registration (this context is a singleton), so the transient clients share it. A negative
                // MaxCost stays a MaxCost, for the facade's rule to refuse with its message.
                MaxCost = options.MaxCost < 0 ? options.MaxCost : null,
                CostBudget = options.MaxCost is { } max && max >= 0 ? new HubCostBudget(max) : null,
            }
            : new HubPlatformClientOptions { BaseUrl = options.PlatformBaseUrl, Environment = options.Environment, Credential = credential, OrganizationId = options.OrganizationId };
        return EndpointContext.Create(Shared(services, client, options.Headers, options.Timeout, options.MaxRetries, options.Waiting));
    }

    /// <summary>Copies what every API's options share from configuration, with the container's logging and clock.</summary>
    internal static HubClientOptions Shared(IServiceProvider services, HubClientOptions client, IDictionary<string, string>? headers, TimeSpan timeout, int maxRetries, Waiting.WaitOptions? waiting)
    {
        client.Headers = new Dictionary<string, string>(headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
        client.Timeout = timeout;
        client.MaxRetries = maxRetries;
        client.Waiting = waiting;
        client.LoggerFactory = HttpClientRegistration.LoggerFactory(services);
        client.TimeProvider = HttpClientRegistration.Time(services);
        return client;
    }

    private static KipuHubOptions Options(IServiceProvider services, HubRegistration registration) =>
        services.GetRequiredService<IOptionsMonitor<KipuHubOptions>>().Get(registration.OptionsName);

    private static void AddClients(IServiceCollection services, HubRegistration registration)
    {
        var key = registration.ServiceKey;
        var quantum = registration.QuantumClientName;
        var platform = registration.PlatformClientName;

        // Facade clients: transient like typed clients, built with their public constructor over the factory's pipeline.
        ClientRegistration.Add(services, key, sp => new HubQuantumClient(HttpClientRegistration.Create(sp, quantum), (HubQuantumClientOptions)Endpoint(sp, quantum).Options));
        ClientRegistration.Alias<IHubQuantumClient, HubQuantumClient>(services, key);
        ClientRegistration.Add(services, key, sp => new HubPlatformClient(HttpClientRegistration.Create(sp, platform), (HubPlatformClientOptions)Endpoint(sp, platform).Options));
        ClientRegistration.Alias<IHubPlatformClient, HubPlatformClient>(services, key);

        // Raw generated clients: the same pipelines, but they throw the generated {Api}ApiException (no error mapping).
        ClientRegistration.AddGenerated(services, key, typeof(JobsClient).Assembly, quantum);
        ClientRegistration.AddGenerated(services, key, typeof(KipuHub.Generated.Platform.UsersClient).Assembly, platform);
    }

    private static EndpointContext Endpoint(IServiceProvider services, string clientName) =>
        services.GetRequiredKeyedService<EndpointContext>(clientName);
}
