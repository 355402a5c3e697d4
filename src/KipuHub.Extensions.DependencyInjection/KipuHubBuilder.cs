using KipuHub.Credentials;
using KipuHub.Extensions.DependencyInjection.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace KipuHub.Extensions.DependencyInjection;

/// <summary>
/// Configures one <c>AddKipuHub</c> registration further: its credential, its <c>HttpClient</c> pipelines, its
/// resilience settings and the service gateways it uses. Every method returns the builder.
/// </summary>
/// <remarks>
/// <para>
/// A registration has two named <c>HttpClient</c>s, <see cref="QuantumHttpClient"/> and <see cref="PlatformHttpClient"/>
/// (names <c>KipuHub.Quantum</c> and <c>KipuHub.Platform</c>, with <c>:key</c> appended for keyed registrations);
/// each service gateway has its own (<c>KipuHub.Service:name</c>).
/// </para>
/// <para>
/// Handlers added here or through the <see cref="IHttpClientBuilder"/>s run per attempt, inside the resilience handler;
/// the SDK's request-level handlers (User-Agent, tracing) stay outside, and its per-attempt handlers (logging,
/// redirects, organization, auth) stay innermost, whatever the order of calls.
/// </para>
/// </remarks>
public sealed class KipuHubBuilder
{
    private readonly HubRegistration _registration;

    internal KipuHubBuilder(IServiceCollection services, HubRegistration registration)
    {
        Services = services;
        _registration = registration;
        QuantumHttpClient = services.AddHttpClient(registration.QuantumClientName);
        PlatformHttpClient = services.AddHttpClient(registration.PlatformClientName);
    }

    /// <summary>Gets the service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Gets the service key of this registration, or <see langword="null"/> for the default one.</summary>
    public string? Name => _registration.ServiceKey;

    /// <summary>Gets the builder of the Quantum API's <c>HttpClient</c> (used by <see cref="HubQuantumClient"/> and the raw Quantum clients).</summary>
    public IHttpClientBuilder QuantumHttpClient { get; }

    /// <summary>Gets the builder of the Platform API's <c>HttpClient</c> (used by <see cref="HubPlatformClient"/> and the raw Platform clients).</summary>
    public IHttpClientBuilder PlatformHttpClient { get; }

    /// <summary>Uses <paramref name="credential"/> for every request of this registration instead of the default chain.</summary>
    /// <param name="credential">Supplies the token on every request.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="credential"/> is null.</exception>
    public KipuHubBuilder WithCredential(IHubCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return WithCredential(_ => credential);
    }

    /// <summary>Uses the credential <paramref name="createCredential"/> returns (called once per service provider) instead of the default chain.</summary>
    /// <param name="createCredential">Creates the credential from the container.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="createCredential"/> is null.</exception>
    public KipuHubBuilder WithCredential(Func<IServiceProvider, IHubCredential> createCredential)
    {
        ArgumentNullException.ThrowIfNull(createCredential);
        _registration.CredentialFactory = createCredential;
        return this;
    }

    /// <summary>Configures both <c>HttpClient</c>s of this registration (Quantum and Platform).</summary>
    /// <param name="configure">Called once per client builder, for example <c>b => b.AddHttpMessageHandler&lt;MyHandler&gt;()</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    public KipuHubBuilder ConfigureHttpClient(Action<IHttpClientBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(QuantumHttpClient);
        configure(PlatformHttpClient);
        return this;
    }

    /// <summary>Adds a handler to both <c>HttpClient</c>s; it runs once per attempt, inside the resilience handler.</summary>
    /// <param name="createHandler">Creates a new handler instance per handler chain.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="createHandler"/> is null.</exception>
    public KipuHubBuilder AddHttpMessageHandler(Func<IServiceProvider, DelegatingHandler> createHandler)
    {
        ArgumentNullException.ThrowIfNull(createHandler);
        return ConfigureHttpClient(b => b.AddHttpMessageHandler(createHandler));
    }

    /// <summary>Adds a handler resolved from the container (register it as transient) to both <c>HttpClient</c>s.</summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <returns>This builder.</returns>
    public KipuHubBuilder AddHttpMessageHandler<THandler>()
        where THandler : DelegatingHandler
        => ConfigureHttpClient(b => b.AddHttpMessageHandler<THandler>());

    /// <summary>Changes the standard resilience settings of both <c>HttpClient</c>s, after the SDK's defaults and the <c>Resilience</c> section.</summary>
    /// <param name="configure">Changes the options, for example <c>o => o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30)</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    /// <remarks>To replace the pipeline entirely: <c>ConfigureHttpClient(b => { b.RemoveAllResilienceHandlers(); b.AddResilienceHandler("mine", ...); })</c>.</remarks>
    public KipuHubBuilder ConfigureResilience(Action<HttpStandardResilienceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(_registration.QuantumPipelineName, configure);
        Services.Configure(_registration.PlatformPipelineName, configure);
        return this;
    }

    /// <summary>Registers a service gateway: <see cref="IHubServiceClient"/>, <see cref="HubServiceClient"/> and the raw <c>IServiceApiClient</c>, keyed by <paramref name="name"/>.</summary>
    /// <param name="name">The gateway's name and service key, e.g. <c>"vqe"</c>; resolve with <c>[FromKeyedServices("vqe")] IHubServiceClient</c>.</param>
    /// <param name="configure">Sets the gateway URL and the token source.</param>
    /// <param name="configureHttpClient">Configures the gateway's <c>HttpClient</c>, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    public KipuHubBuilder AddServiceGateway(string name, Action<KipuHubServiceGatewayOptions> configure, Action<IHttpClientBuilder>? configureHttpClient = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        var registration = GatewayRegistrar.GetOrAdd(Services, name);
        Services.Configure(name, configure);
        configureHttpClient?.Invoke(Services.AddHttpClient(registration.ClientName));
        return this;
    }

    /// <summary>Registers a service gateway bound from a configuration section (<c>KipuHub:ServiceGateways:vqe</c>).</summary>
    /// <param name="name">The gateway's name and service key.</param>
    /// <param name="configuration">The section with <c>BaseUrl</c>, <c>AccessKeyId</c>/<c>SecretAccessKey</c> or <c>Token</c>, <c>Timeout</c>, ... and an optional <c>Resilience</c> subsection.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is null.</exception>
    public KipuHubBuilder AddServiceGateway(string name, IConfiguration configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configuration);
        var registration = GatewayRegistrar.GetOrAdd(Services, name);
        registration.Keys.SectionPath = (configuration as IConfigurationSection)?.Path ?? string.Empty;
        Services.Configure<KipuHubServiceGatewayOptions>(name, configuration);
        Services.Configure<HttpStandardResilienceOptions>(registration.PipelineName, configuration.GetSection("Resilience"));
        return this;
    }
}
