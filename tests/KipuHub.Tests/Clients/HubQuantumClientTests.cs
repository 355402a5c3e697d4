using System.Net;
using KipuHub.Credentials;
using KipuHub.Generated.Quantum;
using KipuHub.Http;
using KipuHub.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KipuHub.Tests.Clients;

[TestFixture]
public class HubQuantumClientTests
{
    [Test]
    public async Task Requests_CarryTokenOrganizationUserAgentAndHeaders_ToTheBaseUrl()
    {
        var stub = new StubHandler(HttpStatusCode.OK, """{"id":"j1","status":"RUNNING"}""");
        using var client = Hub.Quantum(stub, o =>
        {
            o.ApiKey = "pat-1";
            o.OrganizationId = "org-9";
            o.Headers["X-Team"] = "quantum";
        });

        var job = await client.Jobs.GetJobAsync("j1");

        var request = stub.Requests.Single();
        Assert.That(job.Id, Is.EqualTo("j1"));
        Assert.That(request.Uri, Is.EqualTo(new Uri("https://hub.test/quantum/jobs/j1")));
        Assert.That(request.Header("X-Auth-Token"), Is.EqualTo("pat-1"));
        Assert.That(request.Header("X-OrganizationId"), Is.EqualTo("org-9"));
        Assert.That(request.Header("User-Agent"), Is.EqualTo(UserAgentHandler.DefaultUserAgent));
        Assert.That(request.Header("X-Team"), Is.EqualTo("quantum"));
        Assert.That(client.OrganizationId, Is.EqualTo("org-9"));
    }

    [Test]
    public async Task NoOrganization_SendsNoOrganizationHeader()
    {
        var stub = new StubHandler(HttpStatusCode.OK, "[]");
        using var client = Hub.Quantum(stub);

        await client.Backends.GetBackendsAsync();

        Assert.That(stub.Requests.Single().Header("X-OrganizationId"), Is.Null);
    }

    [Test]
    public async Task UserAgentInHeaders_OverridesTheSdkDefault()
    {
        var stub = new StubHandler(HttpStatusCode.OK, "[]");
        using var client = Hub.Quantum(stub, o => o.Headers["User-Agent"] = "MyApp/2.0");

        await client.Backends.GetBackendsAsync();

        Assert.That(stub.Requests.Single().Header("User-Agent"), Is.EqualTo("MyApp/2.0"));
    }

    [Test]
    public async Task Credential_IsAskedOnEveryRequest()
    {
        var calls = 0;
        var stub = new StubHandler(HttpStatusCode.OK, "[]");
        using var client = Hub.Quantum(stub, o => { o.ApiKey = null; o.Credential = HubCredential.FromProvider(_ => ValueTask.FromResult($"rotating-{++calls}")); });

        await client.Backends.GetBackendsAsync();
        await client.Backends.GetBackendsAsync();

        Assert.That(stub.Requests.Select(r => r.Header("X-Auth-Token")), Is.EqualTo(new[] { "rotating-1", "rotating-2" }));
    }

    [Test]
    public async Task DefaultCredentialsProvider_AsCredential_ReadsTheEnvironment()
    {
        using var home = new TempDirectory();
        var stub = new StubHandler(HttpStatusCode.OK, "[]");
        var provider = new DefaultCredentialsProvider(environment: FakeEnvironment.Create(home.Path, new Dictionary<string, string> { ["KQH_PERSONAL_ACCESS_TOKEN"] = "env-pat" }));
        using var client = Hub.Quantum(stub, o => { o.ApiKey = null; o.Credential = provider; });

        await client.Backends.GetBackendsAsync();

        Assert.That(stub.Requests.Single().Header("X-Auth-Token"), Is.EqualTo("env-pat"));
    }

    [Test]
    public void NoTokenAnywhere_SurfacesCredentialUnavailableOnFirstRequest()
    {
        using var home = new TempDirectory();
        var stub = new StubHandler();
        var provider = new DefaultCredentialsProvider(environment: FakeEnvironment.Create(home.Path));
        using var client = Hub.Quantum(stub, o => { o.ApiKey = null; o.Credential = provider; });

        Assert.ThrowsAsync<CredentialUnavailableException>(() => client.Backends.GetBackendsAsync());
        Assert.That(stub.Requests, Is.Empty);
    }

    [Test]
    public void Namespaces_AreCreatedOnceAndReused()
    {
        using var client = Hub.Quantum(new StubHandler());

        Assert.That(client.Jobs, Is.SameAs(client.Jobs));
        Assert.That(client.Backends, Is.SameAs(client.Backends));
        Assert.That(client.Sessions, Is.SameAs(client.Sessions));
        Assert.That(client.Workloads, Is.SameAs(client.Workloads));
    }

    [Test]
    public async Task AllNamespaces_ShareTheOnePipeline()
    {
        var logs = new TestLoggerFactory();
        var stub = new StubHandler(request => StubHandler.Json(HttpStatusCode.OK, request.RequestUri!.AbsolutePath switch
        {
            "/quantum/backends" => "[]",
            "/quantum/sessions/s1" => """{"id":"s1"}""",
            "/quantum/jobs/j1/status" => """{"status":"PENDING"}""",
            _ => """{"content":[],"page":0}""",
        }));
        using var client = Hub.Quantum(stub, o => o.LoggerFactory = logs);

        await client.Backends.GetBackendsAsync();
        await client.Sessions.GetSessionAsync("s1");
        await client.Jobs.GetJobStatusAsync("j1");
        await client.Workloads.GetWorkloadsAsync(page: 0, size: 10);

        Assert.That(stub.Requests.Select(r => r.Uri.PathAndQuery), Is.EqualTo(new[]
        {
            "/quantum/backends", "/quantum/sessions/s1", "/quantum/jobs/j1/status", "/quantum/workloads?page=0&size=10",
        }));
        Assert.That(stub.Requests.Select(r => r.Header("X-Auth-Token")), Is.All.EqualTo("quantum-token"));
        Assert.That(logs.Lines.Count(l => l.EventId == 2), Is.EqualTo(4), "one logging handler saw every namespace's request");
    }

    [Test]
    public async Task NamespacesAreThreadSafe_UnderConcurrentFirstAccess()
    {
        using var client = Hub.Quantum(new StubHandler());

        var seen = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => client.Jobs)));

        Assert.That(seen.Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task CreateJob_Post_IsNotRetried_On503()
    {
        var stub = new StubHandler(HttpStatusCode.ServiceUnavailable, "{}");
        using var client = Hub.Quantum(stub, o => o.TimeProvider = new FakeTimeProvider());

        var ex = Assert.ThrowsAsync<HubApiException>(() => client.Jobs.CreateJobAsync(new CreateJobRequest
        {
            BackendId = "azure.ionq.simulator",
            Shots = 100,
            Input = new AzureIonqSimulatorJobInput { Gateset = "qis", Qubits = 2 },
        }));

        Assert.That(ex!.StatusCode, Is.EqualTo(503));
        Assert.That(stub.Requests, Has.Count.EqualTo(1));
        Assert.That(stub.Requests.Single().Body, Does.Contain("\"backend_id\":\"azure.ionq.simulator\""));
        await Task.CompletedTask;
    }

    [Test]
    public async Task GetJob_Get_IsRetried_On503()
    {
        var time = new FakeTimeProvider();
        var calls = 0;
        var stub = new StubHandler(_ => ++calls == 1 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : StubHandler.Json(HttpStatusCode.OK, """{"id":"j1"}"""));
        using var client = Hub.Quantum(stub, o => o.TimeProvider = time);

        var pending = client.Jobs.GetJobAsync("j1");
        time.Advance(TimeSpan.FromSeconds(1));
        var job = await pending.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.That(job.Id, Is.EqualTo("j1"));
        Assert.That(stub.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task InjectedHttpClient_IsTheTransport_UnderTheSdkHandlers()
    {
        var stub = new StubHandler(HttpStatusCode.OK, "[]");
        using var injected = new HttpClient(stub) { BaseAddress = new Uri("https://ignored.test/") };
        injected.DefaultRequestHeaders.Add("X-From-Injected", "yes");
        using var client = Hub.Quantum(new StubHandler(), o => { o.HttpMessageHandler = null; o.HttpClient = injected; });

        await client.Backends.GetBackendsAsync();
        await client.Backends.GetBackendsAsync();

        var request = stub.Requests.First();
        Assert.That(request.Uri, Is.EqualTo(new Uri("https://hub.test/quantum/backends")), "the injected client's BaseAddress is ignored");
        Assert.That(request.Header("X-Auth-Token"), Is.EqualTo("quantum-token"));
        Assert.That(request.Header("X-From-Injected"), Is.EqualTo("yes"));
        Assert.That(stub.Requests, Has.Count.EqualTo(2), "each request is copied, so the injected client accepts it");
    }

    [Test]
    public async Task Dispose_LeavesInjectedHandlerAndHttpClientUsable()
    {
        var stub = new StubHandler(HttpStatusCode.OK, "[]");
        using var injected = new HttpClient(new StubHandler(HttpStatusCode.OK, "[]"));

        Hub.Quantum(stub).Dispose();
        Hub.Quantum(new StubHandler(), o => { o.HttpMessageHandler = null; o.HttpClient = injected; }).Dispose();

        using var invoker = new HttpMessageInvoker(stub, disposeHandler: false);
        (await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://hub.test/x"), CancellationToken.None)).Dispose();
        (await injected.GetAsync("https://hub.test/x")).Dispose();
    }

    [Test]
    public void Dispose_ThenUse_ThrowsObjectDisposed()
    {
        var client = Hub.Quantum(new StubHandler());
        client.Dispose();
        client.Dispose();

        Assert.Throws<ObjectDisposedException>(() => _ = client.Jobs);
        Assert.ThrowsAsync<ObjectDisposedException>(() => client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "jobs")));
    }

    [Test]
    public void PathIdGuard_RejectsBlankIds()
    {
        using var client = Hub.Quantum(new StubHandler());

        Assert.Throws<ArgumentException>(() => client.Jobs.GetJobAsync(""));
        Assert.Throws<ArgumentNullException>(() => client.Jobs.GetJobAsync(null!));
    }

    [Test]
    public async Task LoggerFactory_ReceivesRequestLogs()
    {
        var logs = new TestLoggerFactory();
        using var client = Hub.Quantum(new StubHandler(HttpStatusCode.OK, "[]"), o => o.LoggerFactory = logs);

        await client.Backends.GetBackendsAsync();

        Assert.That(logs.Lines.Single(l => l.EventId == 2).Message, Is.EqualTo("GET /quantum/backends returned 200 in 0 ms (attempt 1)").Or.Match(@"^GET /quantum/backends returned 200 in \d+ ms \(attempt 1\)$"));
    }

    [Test]
    public async Task OverAPipelineItDoesNotOwn_DisposeLeavesTheHttpClientUsable()
    {
        var stub = new StubHandler(HttpStatusCode.OK, "[]");
        var options = new HubQuantumClientOptions { ApiKey = "t", BaseUrl = new Uri(Hub.QuantumBase), HttpMessageHandler = stub, OrganizationId = "org-di" };
        using var http = HubHttpPipeline.CreateQuantumHttpClient(options);

        using (var client = new HubQuantumClient(http, options))
        {
            await client.Backends.GetBackendsAsync();
            Assert.That(client.OrganizationId, Is.EqualTo("org-di"));
        }

        (await http.GetAsync("backends")).Dispose();
        Assert.That(stub.Requests, Has.Count.EqualTo(2));
    }
}
