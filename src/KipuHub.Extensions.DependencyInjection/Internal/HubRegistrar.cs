using KipuHub.Credentials;
using KipuHub.Generated.Quantum;
using KipuHub.Internal;
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
    private const string MarkerPrefix = "KipuHub.Registration:";

    /// <summary>Returns the registration of <paramref name="serviceKey"/>, creating it on first use.</summary>
    public static HubRegistration GetOrAdd(IServiceCollection services, string? serviceKey)
    {
        var marker = MarkerPrefix + serviceKey;
        var existing = services.FirstOrDefault(d => d.IsKeyedService && d.ServiceType == typeof(HubRegistration) && Equals(d.ServiceKey, marker));
        if (existing?.KeyedImplementationInstance is HubRegistration found)
        {
            return found;
        }

        var registration = new HubRegistration(serviceKey);
        services.AddKeyedSingleton(marker, registration);
        AddOptions(services, registration);
        services.AddKeyedSingleton(registration.AuthKey, (sp, _) => CreateAuth(sp, registration));
        registration.QuantumPipelineName = HttpClientRegistration.Add(services, registration.QuantumClientName, sp => CreateEndpoint(sp, registration, HubApiKind.Quantum));
        registration.PlatformPipelineName = HttpClientRegistration.Add(services, registration.PlatformClientName, sp => CreateEndpoint(sp, registration, HubApiKind.Platform));
        AddClients(services, registration);
        return registration;
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

    private static EndpointContext CreateEndpoint(IServiceProvider services, HubRegistration registration, HubApiKind api)
    {
        var options = Options(services, registration);
        var environment = options.Environment ?? HubEnvironment.Default;
        var baseUrl = api == HubApiKind.Quantum
            ? BaseUrls.Normalize(options.BaseUrl ?? environment.QuantumBaseUrl, registration.Keys.Of(nameof(options.BaseUrl)))
            : BaseUrls.Normalize(options.PlatformBaseUrl ?? environment.PlatformBaseUrl, registration.Keys.Of(nameof(options.PlatformBaseUrl)));
        return new EndpointContext(
            api,
            baseUrl,
            services.GetRequiredKeyedService<SharedAuth>(registration.AuthKey),
            string.IsNullOrWhiteSpace(options.OrganizationId) ? null : options.OrganizationId.Trim(),
            (options.Headers ?? new Dictionary<string, string>()).ToArray(),
            options.Timeout,
            options.MaxRetries,
            HttpClientRegistration.LoggerFactory(services),
            HttpClientRegistration.Time(services),
            options.Waiting);
    }

    private static KipuHubOptions Options(IServiceProvider services, HubRegistration registration) =>
        services.GetRequiredService<IOptionsMonitor<KipuHubOptions>>().Get(registration.OptionsName);

    private static void AddClients(IServiceCollection services, HubRegistration registration)
    {
        var key = registration.ServiceKey;
        var quantum = registration.QuantumClientName;
        var platform = registration.PlatformClientName;

        // Facade clients: transient like typed clients; cheap (namespaces are created on first use).
        ClientRegistration.Add(services, key, sp => new HubQuantumClient(Endpoint(sp, quantum).CreateCore(HttpClientRegistration.Create(sp, quantum)), Endpoint(sp, quantum).OrganizationId));
        ClientRegistration.Alias<IHubQuantumClient, HubQuantumClient>(services, key);
        ClientRegistration.Add(services, key, sp => new HubPlatformClient(Endpoint(sp, platform).CreateCore(HttpClientRegistration.Create(sp, platform)), Endpoint(sp, platform).OrganizationId));
        ClientRegistration.Alias<IHubPlatformClient, HubPlatformClient>(services, key);

        // Raw generated clients: the same pipelines, but they throw the generated ApiException (no error mapping).
        ClientRegistration.AddGenerated(services, key, typeof(JobsClient).Assembly, quantum);
        ClientRegistration.AddGenerated(services, key, typeof(KipuHub.Generated.Platform.UsersClient).Assembly, platform);
    }

    private static EndpointContext Endpoint(IServiceProvider services, string clientName) =>
        services.GetRequiredKeyedService<EndpointContext>(clientName);
}
