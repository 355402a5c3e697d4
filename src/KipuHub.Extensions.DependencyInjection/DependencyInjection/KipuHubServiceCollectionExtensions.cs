using KipuHub;
using KipuHub.Extensions.DependencyInjection;
using KipuHub.Extensions.DependencyInjection.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Kipu Quantum Hub clients to a service collection.</summary>
/// <remarks>
/// <para>
/// A registration adds, from <c>IHttpClientFactory</c>: <see cref="HubQuantumClient"/> / <see cref="IHubQuantumClient"/>,
/// <see cref="HubPlatformClient"/> / <see cref="IHubPlatformClient"/> (with typed errors), and every raw generated client
/// interface (<c>IJobsClient</c>, <c>IBackendsClient</c>, <c>ISessionsClient</c>, <c>IWorkloadsClient</c> and the 22 Platform
/// clients such as <c>IUsersClient</c>), which throw the generated <c>QuantumApiException</c>, <c>PlatformApiException</c> or <c>ServiceApiException</c>. All are transient, like typed clients.
/// </para>
/// <para>
/// Calling it twice with the same key adds configuration, never a second set of handlers. With a key (<c>AddKipuHub("org-a", ...)</c>)
/// every service is keyed: <c>[FromKeyedServices("org-a")] IHubQuantumClient</c>.
/// </para>
/// </remarks>
public static class KipuHubServiceCollectionExtensions
{
    /// <summary>Adds the Kipu Hub clients with default options: public Hub, token from the default credential chain.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder to configure the registration further.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static KipuHubBuilder AddKipuHub(this IServiceCollection services) => AddKipuHub(services, static _ => { });

    /// <summary>Adds the Kipu Hub clients with options bound from a configuration section, usually <c>configuration.GetSection("KipuHub")</c>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section; its <c>Resilience</c> subsection configures retries, timeouts and the circuit breaker, and each child of <c>ServiceGateways</c> adds a gateway.</param>
    /// <returns>A builder to configure the registration further.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is null.</exception>
    public static KipuHubBuilder AddKipuHub(this IServiceCollection services, IConfiguration configuration) =>
        AddKipuHubCore(services, serviceKey: null, configuration);

    /// <summary>Adds the Kipu Hub clients with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to configure the registration further.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
    public static KipuHubBuilder AddKipuHub(this IServiceCollection services, Action<KipuHubOptions> configure) =>
        AddKipuHubCore(services, serviceKey: null, configure);

    /// <summary>Adds Kipu Hub clients keyed by <paramref name="name"/> (an organization or account), bound from a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The service key, e.g. <c>"org-a"</c>.</param>
    /// <param name="configuration">The section, e.g. <c>configuration.GetSection("KipuHub:Accounts:org-a")</c>.</param>
    /// <returns>A builder to configure the registration further.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public static KipuHubBuilder AddKipuHub(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return AddKipuHubCore(services, name, configuration);
    }

    /// <summary>Adds Kipu Hub clients keyed by <paramref name="name"/> (an organization or account), with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The service key, e.g. <c>"org-a"</c>.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to configure the registration further.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public static KipuHubBuilder AddKipuHub(this IServiceCollection services, string name, Action<KipuHubOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return AddKipuHubCore(services, name, configure);
    }

    private static KipuHubBuilder AddKipuHubCore(IServiceCollection services, string? serviceKey, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var registration = HubRegistrar.GetOrAdd(services, serviceKey);
        registration.Keys.SectionPath = (configuration as IConfigurationSection)?.Path ?? string.Empty;
        services.Configure<KipuHubOptions>(registration.OptionsName, configuration);
        services.AddSingleton<IValidateOptions<KipuHubOptions>>(new ConfigurationShapeValidator(registration, configuration));
        var resilience = configuration.GetSection("Resilience");
        services.Configure<HttpStandardResilienceOptions>(registration.QuantumPipelineName, resilience);
        services.Configure<HttpStandardResilienceOptions>(registration.PlatformPipelineName, resilience);
        var builder = new KipuHubBuilder(services, registration);
        foreach (var gateway in configuration.GetSection("ServiceGateways").GetChildren())
        {
            builder.AddServiceGateway(gateway.Key, gateway);
        }

        return builder;
    }

    private static KipuHubBuilder AddKipuHubCore(IServiceCollection services, string? serviceKey, Action<KipuHubOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var registration = HubRegistrar.GetOrAdd(services, serviceKey);
        services.Configure(registration.OptionsName, configure);
        return new KipuHubBuilder(services, registration);
    }
}
