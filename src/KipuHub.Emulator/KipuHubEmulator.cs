using System.Net;
using System.Net.Http.Headers;
using KipuHub.Emulator.Diagnostics;
using KipuHub.Emulator.Faults;
using KipuHub.Emulator.Platform;
using KipuHub.Emulator.Quantum;
using KipuHub.Emulator.Service;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KipuHub.Emulator;

/// <summary>
/// A local, stateful Kipu Quantum Hub: the Quantum API, a Service gateway with demo services and the Platform API, served over loopback
/// HTTP exactly as <c>specs/</c> describe them, so the generated clients (and the SDK) work against it unchanged.
/// </summary>
/// <remarks>
/// <para>Start one per test fixture (or per test): <c>await using var hub = await KipuHubEmulator.StartAsync();</c>, then
/// point an <see cref="HttpClient"/> at <see cref="QuantumBaseUrl"/> with the <c>X-Auth-Token</c> header set to
/// <see cref="AccessToken"/>, or use <see cref="CreateQuantumHttpClient"/>.</para>
/// <para>Jobs move PENDING → RUNNING → COMPLETED on the configured <see cref="KipuHubEmulatorOptions.TimeProvider"/>;
/// with a fake clock, advance it to move them along. Results are real: IonQ circuits and OpenQASM 3 programs run on a
/// state-vector simulator and shots are sampled with a seeded RNG. See the README next to the project for conventions.</para>
/// </remarks>
public sealed class KipuHubEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HubRuntime _hub;
    private int _disposed;

    private KipuHubEmulator(WebApplication app, HubRuntime hub, Uri baseUrl)
    {
        _app = app;
        _hub = hub;
        BaseUrl = baseUrl;
        QuantumBaseUrl = new Uri(baseUrl, "quantum/");
        PlatformBaseUrl = new Uri(baseUrl, "qc-catalog/");
    }

    /// <summary>The root of the emulator, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The Quantum API base URL, ending in '/': <c>http://127.0.0.1:PORT/quantum/</c>.</summary>
    public Uri QuantumBaseUrl { get; }

    /// <summary>
    /// The Platform (catalog) API base URL, ending in '/': <c>http://127.0.0.1:PORT/qc-catalog/</c>. Every operation of
    /// <c>specs/platform.json</c> is routed; the ones the emulator does not implement answer 501 naming the operation.
    /// </summary>
    public Uri PlatformBaseUrl { get; }

    /// <summary>The demo services deployed behind the gateway: <c>echo</c> and <c>bell-sampler</c>.</summary>
    public IReadOnlyList<string> ServiceNames => DemoServices.Names;

    /// <summary>A valid personal access token (the default user's), for the <c>X-Auth-Token</c> header.</summary>
    public string AccessToken => _hub.Users[0].Token;

    /// <summary>Every configured user, the default one first.</summary>
    public IReadOnlyList<EmulatorUser> Users => _hub.Users;

    /// <summary>A valid bearer token for the Service gateway.</summary>
    public string ServiceToken => _hub.ServiceTokens[0];

    /// <summary>The organizations that exist; send one in <c>X-OrganizationId</c> to act in it.</summary>
    public IReadOnlyList<string> OrganizationIds => _hub.OrganizationIds;

    /// <summary>The seed in use (the configured one, or the random one chosen at start), to reproduce a run.</summary>
    public int Seed => _hub.Seed;

    /// <summary>The clock that drives jobs, sessions and executions.</summary>
    public TimeProvider TimeProvider => _hub.Time;

    /// <summary>Fault injection, off until a rule is added; changeable while the emulator runs.</summary>
    public FaultInjector Faults => _hub.Faults;

    /// <summary>Every request received (headers redacted), to count calls in tests.</summary>
    public RequestLog Requests => _hub.Requests;

    /// <summary>Starts an emulator on a loopback port.</summary>
    /// <param name="options">Settings; null for the defaults (random tokens, fast jobs, free port, system clock).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static async Task<KipuHubEmulator> StartAsync(KipuHubEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new KipuHubEmulatorOptions();
        Validate(options);
        var hub = new HubRuntime(options);
        var app = await BuildDetachedAsync(options, hub).ConfigureAwait(false);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The emulator's web host started without a loopback address: another component replaced its server.");
            return new KipuHubEmulator(app, hub, new Uri(address.TrimEnd('/') + "/"));
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            hub.Dispose();
            throw;
        }
    }

    /// <summary>The gateway base URL of a demo service, ending in '/', e.g. <c>…/gateway/kipu-demo/echo/1.0.0/</c>.</summary>
    /// <param name="serviceName">One of <see cref="ServiceNames"/>.</param>
    /// <returns>The base URL for a Service API client.</returns>
    /// <exception cref="ArgumentException">No such service is deployed.</exception>
    public Uri GetServiceBaseUrl(string serviceName)
    {
        if (serviceName is null || !DemoServices.ByName.ContainsKey(serviceName))
        {
            throw new ArgumentException($"No service '{serviceName}' is deployed; the emulator has {string.Join(", ", ServiceNames)}.", nameof(serviceName));
        }

        return new Uri(BaseUrl, DemoServices.PathOf(serviceName).TrimStart('/'));
    }

    /// <summary>Creates an <see cref="HttpClient"/> for the Quantum API: base address and <c>X-Auth-Token</c> set. The caller disposes it.</summary>
    /// <param name="organizationId">Sent as <c>X-OrganizationId</c>; null for the personal context.</param>
    /// <returns>A client for the generated Quantum API clients.</returns>
    public HttpClient CreateQuantumHttpClient(string? organizationId = null) => CreateHubHttpClient(QuantumBaseUrl, organizationId);

    /// <summary>Creates an <see cref="HttpClient"/> for a demo service: gateway base address and bearer token set. The caller disposes it.</summary>
    /// <param name="serviceName">One of <see cref="ServiceNames"/>.</param>
    /// <returns>A client for the generated Service API client.</returns>
    public HttpClient CreateServiceHttpClient(string serviceName)
    {
        var client = new HttpClient { BaseAddress = GetServiceBaseUrl(serviceName) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServiceToken);
        return client;
    }

    /// <summary>Creates an <see cref="HttpClient"/> for the Platform API: base address and <c>X-Auth-Token</c> set. The caller disposes it.</summary>
    /// <param name="organizationId">Sent as <c>X-OrganizationId</c> when not null; must be one of <see cref="OrganizationIds"/>.</param>
    /// <returns>A client whose relative requests go to <see cref="PlatformBaseUrl"/>.</returns>
    public HttpClient CreatePlatformHttpClient(string? organizationId = null) => CreateHubHttpClient(PlatformBaseUrl, organizationId);

    /// <summary>The Platform operationIds the emulator implements; every other operation of the spec answers 501.</summary>
    public IReadOnlyCollection<string> ImplementedPlatformOperations => PlatformRoutes.Implemented(_hub);

    /// <summary>Stops the emulator, releases its port and deletes the data pool files it stored.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _hub.Dispose();
    }

    /// <summary>Describes the emulator without secrets.</summary>
    /// <returns>The base URL.</returns>
    public override string ToString() => $"KipuHubEmulator at {BaseUrl}";

    // Builds the host outside the caller's ExecutionContext. WebApplicationFactory (HostFactoryResolver) runs an app's
    // entry point on a flow marked with an AsyncLocal and, until it has that app's host, applies its test configuration
    // (UseTestServer) to every host built on the marked flow and takes the first one built as the app. An app that
    // starts an emulator while it starts up (the WebApi sample with KipuHub:UseEmulator, from ValidateOnStart) would
    // otherwise race the factory: its emulator got a TestServer and no address whenever the factory had not yet stopped
    // listening. A host built on a flow without the caller's AsyncLocals is never seen by that listener.
    private static Task<WebApplication> BuildDetachedAsync(KipuHubEmulatorOptions options, HubRuntime hub)
    {
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(() => Build(options, hub));
        }
    }

    /// <summary>A client for an API that authenticates with <c>X-Auth-Token</c> and is scoped by <c>X-OrganizationId</c>.</summary>
    private HttpClient CreateHubHttpClient(Uri baseAddress, string? organizationId)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Add("X-Auth-Token", AccessToken);
        if (organizationId is not null)
        {
            client.DefaultRequestHeaders.Add("X-OrganizationId", organizationId);
        }

        return client;
    }

    private static WebApplication Build(KipuHubEmulatorOptions options, HubRuntime hub)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(KipuHubEmulator).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null; // the emulator enforces its own limit with a JSON 413
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        // A thousand clients connecting at once must not overflow the default accept backlog of 512.
        builder.WebHost.UseSockets(sockets => sockets.Backlog = 4096);
        builder.Services.AddRoutingCore();
        builder.Logging.ClearProviders();
        if (options.LoggerFactory is { } loggerFactory)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        var app = builder.Build();
        // The test suite's contract checks, when installed, see the traffic exactly as it goes over the wire.
        TrafficTap.Attach?.Invoke(app, new KipuHubEmulatorRoutes(app, hub));
        app.Use((context, next) => RequestLogMiddleware.InvokeAsync(context, next, hub.Requests, hub.Time));
        app.Use((context, next) => FaultMiddleware.InvokeAsync(context, next, hub.Faults, hub.Time));
        app.Use((context, next) => ErrorMiddleware.InvokeAsync(context, next, hub.Time));
        app.Use((context, next) => AuthMiddleware.InvokeAsync(context, next, hub));
        app.UseRouting();
        MapRoutes(app, hub);
        return app;
    }

    private static void MapRoutes(WebApplication app, HubRuntime hub)
    {
        QuantumRoutes.Map(app, hub);
        ServiceEndpoints.Map(app, hub);
        PlatformRoutes.Map(app, hub);
        app.MapFallback("{*path}", context => throw HttpProblemException.NotFound(
            $"There is no {context.Request.Method} {context.Request.Path} on this Hub. The Quantum API lives under /quantum/, demo services under /gateway/{DemoServices.Context}/<service>/{DemoServices.Version}/; the Platform API under /qc-catalog/ (specs/platform.json lists its paths)."));
    }

    private static void RequireNonNegative(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, "A duration cannot be negative.");
        }
    }

    private static void Validate(KipuHubEmulatorOptions options)
    {
        RequireNonNegative(options.JobPendingDuration, nameof(options.JobPendingDuration));
        RequireNonNegative(options.JobRunningDuration, nameof(options.JobRunningDuration));
        RequireNonNegative(options.JobCancellingDuration, nameof(options.JobCancellingDuration));
        RequireNonNegative(options.ServiceExecutionPendingDuration, nameof(options.ServiceExecutionPendingDuration));
        RequireNonNegative(options.ServiceExecutionRunningDuration, nameof(options.ServiceExecutionRunningDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DefaultSessionTtl, TimeSpan.FromSeconds(1), nameof(options.DefaultSessionTtl));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSessionTtl, options.DefaultSessionTtl, nameof(options.MaxSessionTtl));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSimulatedQubits, 1, nameof(options.MaxSimulatedQubits));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxSimulatedQubits, 26, nameof(options.MaxSimulatedQubits));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxResultBytes, nameof(options.MaxResultBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRequestBodyBytes, 1024, nameof(options.MaxRequestBodyBytes));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxDataPoolFileBytes, nameof(options.MaxDataPoolFileBytes));
        ArgumentOutOfRangeException.ThrowIfNegative(options.SeededServiceCount, nameof(options.SeededServiceCount));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort, nameof(options.Port));
        if (options.Users.Select(u => u.Token).Distinct(StringComparer.Ordinal).Count() != options.Users.Count)
        {
            throw new ArgumentException("Two users share a token; every user needs a token of their own.", nameof(options));
        }
    }
}
