using System.Net;
using KipuHub.Emulator;
using KipuHub.Extensions.DependencyInjection.Tests.Support;
using KipuHub.Generated.Quantum;
using KipuHub.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace KipuHub.Extensions.DependencyInjection.Tests.DependencyInjection;

[TestFixture]
public class AddKipuHubTests : SharedEmulatorFixture
{
    [Test]
    public async Task AddKipuHub_RegistersFacadeClients_AndEveryRawClient()
    {
        var services = Emulators.Services();
        services.AddKipuHub(Emulators.Configure(Hub));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.That(provider.GetRequiredService<IHubQuantumClient>(), Is.InstanceOf<HubQuantumClient>());
        Assert.That(provider.GetRequiredService<IHubPlatformClient>().BaseUrl, Is.EqualTo(Hub.PlatformBaseUrl));
        foreach (var contract in new[] { typeof(IJobsClient), typeof(IBackendsClient), typeof(ISessionsClient), typeof(IWorkloadsClient) })
        {
            Assert.That(provider.GetService(contract), Is.Not.Null, contract.Name);
        }

        var platformContracts = typeof(KipuHub.Generated.Platform.UsersClient).Assembly.GetExportedTypes()
            .Where(t => t.IsInterface && t.Name.EndsWith("Client", StringComparison.Ordinal)).ToList();
        Assert.That(platformContracts, Has.Count.EqualTo(22));
        Assert.That(platformContracts.Where(t => provider.GetService(t) is null), Is.Empty);

        var backends = await provider.GetRequiredService<IBackendsClient>().GetBackendsAsync();
        Assert.That(backends, Is.Not.Empty, "the raw client goes through the authenticated pipeline");
    }

    [Test]
    public async Task FacadeClient_SubmitsAndReadsAJob_ThroughTheFactoryPipeline()
    {
        var services = Emulators.Services();
        services.AddKipuHub(Emulators.Configure(Hub));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHubQuantumClient>();

        var job = await client.Jobs.CreateJobAsync(TestJobs.BellJob());
        var status = await client.Jobs.GetJobStatusAsync(job.Id!);

        Assert.That(status.Status, Is.Not.Null);
        Assert.ThrowsAsync<NotFoundException>(() => client.Jobs.GetJobAsync("no-such-job"), "the facade maps errors");
        var raw = provider.GetRequiredService<IJobsClient>();
        Assert.ThrowsAsync<QuantumApiException>(() => raw.GetJobAsync("no-such-job"), "raw clients throw the generated ApiException");
    }

    [Test]
    public async Task AddKipuHub_Twice_AddsOneSetOfHandlers()
    {
        var services = Emulators.Services();
        services.AddKipuHub(Emulators.Configure(Hub));
        services.AddKipuHub(o => o.MaxRetries = 1);
        await using var provider = services.BuildServiceProvider();

        var chain = HandlerChain(provider, "KipuHub.Quantum");

        Assert.That(chain.Count(h => h.GetType().Name == "ApiKeyAuthHandler"), Is.EqualTo(1));
        Assert.That(chain.Count(h => h is ResilienceHandler), Is.EqualTo(1));
        Assert.That(chain.Count(h => h.GetType().Name == "TracingHandler"), Is.EqualTo(1));
        Assert.That(chain.Where(h => h.GetType().Name == "RetryHandler"), Is.Empty, "only the resilience handler retries");
        Assert.That(provider.GetRequiredService<IOptionsMonitor<KipuHubOptions>>().Get(Options.DefaultName).MaxRetries, Is.EqualTo(1), "the second call adds configuration");
        Assert.That(provider.GetServices<IHubQuantumClient>().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Handlers_AreOrdered_RequestLevelOutside_UserAndResilienceInBetween_AuthInnermost()
    {
        var services = Emulators.Services();
        services.AddKipuHub(Emulators.Configure(Hub, o => o.OrganizationId = "org-acme"))
            .AddHttpMessageHandler(_ => new MarkerHandler());
        await using var provider = services.BuildServiceProvider();

        var names = HandlerChain(provider, "KipuHub.Quantum")
            .Where(h => h is ResilienceHandler || h.GetType().Namespace!.StartsWith("KipuHub", StringComparison.Ordinal))
            .Select(h => h.GetType().Name)
            .ToList();

        Assert.That(names, Is.EqualTo(new[]
        {
            "AsyncOnlyHandler", "RequestContextHandler", "ResponseHintsHandler", "UserAgentHandler", "TracingHandler", "ResilienceExceptionHandler",
            nameof(ResilienceHandler), nameof(MarkerHandler), "LoggingHandler", "RedirectHandler", "OrganizationHandler", "ApiKeyAuthHandler",
        }));
    }

    [Test]
    public async Task KeyedRegistrations_AreIndependent_AndResolvableWithFromKeyedServices()
    {
        var services = Emulators.Services();
        services.AddKipuHub("org-a", Emulators.Configure(Hub, o => o.OrganizationId = "org-acme"));
        services.AddKipuHub("personal", Emulators.Configure(Hub));
        services.AddTransient<OrgAConsumer>();
        await using var provider = services.BuildServiceProvider();

        var orgA = provider.GetRequiredService<OrgAConsumer>().Client;
        var personal = provider.GetRequiredKeyedService<IHubQuantumClient>("personal");
        var job = await orgA.Jobs.CreateJobAsync(TestJobs.BellJob());

        Assert.That(orgA.OrganizationId, Is.EqualTo("org-acme"));
        Assert.That(personal.OrganizationId, Is.Null);
        Assert.That(provider.GetService<IHubQuantumClient>(), Is.Null, "keyed registrations add no default client");
        Assert.That(provider.GetRequiredKeyedService<IJobsClient>("org-a"), Is.Not.Null);
        Assert.ThrowsAsync<NotFoundException>(() => personal.Jobs.GetJobAsync(job.Id!), "the job lives in org-acme only");
        Assert.That((await orgA.Jobs.GetJobAsync(job.Id!)).Id, Is.EqualTo(job.Id));
    }

    [Test]
    public async Task ServiceGateway_IsKeyedByName_AndAuthenticatesWithItsBearerToken()
    {
        var services = Emulators.Services();
        services.AddKipuHub(Emulators.Configure(Hub))
            .AddServiceGateway("echo", o =>
            {
                o.BaseUrl = Hub.GetServiceBaseUrl("echo");
                o.Token = Hub.ServiceToken;
            });
        await using var provider = services.BuildServiceProvider();

        var echo = provider.GetRequiredKeyedService<IHubServiceClient>("echo");
        var execution = await echo.ServiceApi.StartExecutionAsync(new KipuHub.Generated.Service.StartExecutionRequest { Input = new { hello = "world" } });

        Assert.That(execution.Id, Is.Not.Null.And.Not.Empty);
        Assert.That(provider.GetRequiredKeyedService<KipuHub.Generated.Service.IServiceApiClient>("echo"), Is.Not.Null);
        Assert.That(Hub.Requests.CountOf("POST", "/gateway/kipu-demo/echo/1.0.0"), Is.EqualTo(1), "starting an execution is sent once");
    }

    [Test]
    public void Configuration_BindsEveryOption_IncludingWaitingAndResilience()
    {
        var configuration = Config(new()
        {
            ["KipuHub:BaseUrl"] = "https://hub.example/quantum",
            ["KipuHub:OrganizationId"] = "org-1",
            ["KipuHub:ApiKey"] = "from-user-secrets",
            ["KipuHub:Timeout"] = "00:00:20",
            ["KipuHub:MaxRetries"] = "4",
            ["KipuHub:Headers:X-Team"] = "quantum",
            ["KipuHub:Waiting:MinInterval"] = "00:00:02",
            ["KipuHub:Waiting:Timeout"] = "00:10:00",
            ["KipuHub:Resilience:CircuitBreaker:BreakDuration"] = "00:00:42",
        });
        var services = Emulators.Services();
        services.AddKipuHub(configuration.GetSection("KipuHub"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<KipuHubOptions>>().Get(Options.DefaultName);
        var resilience = provider.GetRequiredService<IOptionsMonitor<HttpStandardResilienceOptions>>().Get("KipuHub.Quantum-standard");

        Assert.That(options.BaseUrl, Is.EqualTo(new Uri("https://hub.example/quantum")));
        Assert.That(options.OrganizationId, Is.EqualTo("org-1"));
        Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(20)));
        Assert.That(options.MaxRetries, Is.EqualTo(4));
        Assert.That(options.Headers["X-Team"], Is.EqualTo("quantum"));
        Assert.That(options.Waiting.MinInterval, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(options.Waiting.Timeout, Is.EqualTo(TimeSpan.FromMinutes(10)));
        Assert.That(resilience.CircuitBreaker.BreakDuration, Is.EqualTo(TimeSpan.FromSeconds(42)), "the Resilience section wins");
        Assert.That(resilience.AttemptTimeout.Timeout, Is.EqualTo(TimeSpan.FromSeconds(20)), "KipuHub:Timeout is the attempt timeout");
        Assert.That(resilience.Retry.MaxRetryAttempts, Is.EqualTo(4));
        Assert.That(resilience.CircuitBreaker.SamplingDuration, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(40)));
        Assert.That(resilience.TotalRequestTimeout.Timeout, Is.GreaterThan(resilience.AttemptTimeout.Timeout));
    }

    [Test]
    public async Task The_configured_Waiting_policy_is_what_waits_use_when_a_call_passes_none()
    {
        var services = Emulators.Services();
        // A job on a PAUSED backend stays PENDING, so only the configured timeout can end the wait.
        services.AddKipuHub(Emulators.Configure(Hub, o => o.Waiting = new KipuHub.Waiting.WaitOptions { MinInterval = TimeSpan.FromMilliseconds(5), MaxInterval = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromMilliseconds(300) }));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHubQuantumClient>();
        var job = await client.SubmitJobAsync(new CreateJobRequest { BackendId = "aws.ionq.forte", Shots = 10, Input = new AwsIonqForteJobInput { Value = "OPENQASM 3.0;\nqubit[1] q;\nh q[0];" } });

        var ex = Assert.ThrowsAsync<HubTimeoutException>(() => client.WaitForCompletionAsync(job.Id!));

        Assert.That(ex!.Timeout, Is.EqualTo(TimeSpan.FromMilliseconds(300)));
        Assert.That(ex.LastStatus, Is.EqualTo("PENDING"));
    }

    [Test]
    public void Defaults_ArePinned()
    {
        var options = new KipuHubOptions();

        Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(options.MaxRetries, Is.EqualTo(2));
        Assert.That(options.BaseUrl, Is.Null);
        Assert.That(options.ApiKey, Is.Null);
        Assert.That(options.Waiting.MinInterval, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(new KipuHubServiceGatewayOptions().Timeout, Is.EqualTo(TimeSpan.FromSeconds(60)));
    }

    [Test]
    public void Guards_RejectNullAndBlankArguments()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentNullException>(() => services.AddKipuHub((Action<KipuHubOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => services.AddKipuHub((Microsoft.Extensions.Configuration.IConfiguration)null!));
        Assert.Throws<ArgumentException>(() => services.AddKipuHub(" ", _ => { }));
        Assert.Throws<ArgumentException>(() => services.AddKipuHub().AddServiceGateway("", _ => { }));
        Assert.Throws<ArgumentNullException>(() => services.AddKipuHub().WithCredential((KipuHub.Credentials.IHubCredential)null!));
    }

    internal static Microsoft.Extensions.Configuration.IConfiguration Config(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static List<HttpMessageHandler> HandlerChain(IServiceProvider provider, string name)
    {
        var chain = new List<HttpMessageHandler>();
        HttpMessageHandler? handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(name);
        while (handler is not null)
        {
            chain.Add(handler);
            handler = (handler as DelegatingHandler)?.InnerHandler;
        }

        return chain.Where(h => h is DelegatingHandler).ToList();
    }

    private sealed class MarkerHandler : DelegatingHandler;

    private sealed class OrgAConsumer([FromKeyedServices("org-a")] IHubQuantumClient client)
    {
        public IHubQuantumClient Client { get; } = client;
    }
}
