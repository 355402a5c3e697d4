using System.Net;
using KipuHub.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace KipuHub.Tests.RequestContext;

/// <summary>HubRequestContext scopes and per-request options in the standalone pipeline (MockHttp and stubs).</summary>
[TestFixture]
public class HubRequestContextTests
{
    [Test]
    public void Current_IsNullOutsideScopes_AndTheMergeInside_AndRestoredOnDispose()
    {
        Assert.That(HubRequestContext.Current, Is.Null);
        using (HubRequestContext.Begin(new HubRequestOptions { OrganizationId = "org-a", Timeout = TimeSpan.FromSeconds(5), Headers = { ["X-A"] = "1" } }))
        {
            var inner = HubRequestContext.Begin(new HubRequestOptions { MaxRetries = 0, Headers = { ["x-a"] = "2", ["X-B"] = "3" } });
            var merged = HubRequestContext.Current!;
            Assert.That(merged.OrganizationId, Is.EqualTo("org-a"));
            Assert.That(merged.Timeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(merged.MaxRetries, Is.EqualTo(0));
            Assert.That(merged.Headers["X-A"], Is.EqualTo("2"), "the inner value wins, names are case-insensitive");
            Assert.That(merged.Headers["X-B"], Is.EqualTo("3"));

            inner.Dispose();
            inner.Dispose();
            Assert.That(HubRequestContext.Current!.MaxRetries, Is.Null, "a second dispose does not end the outer scope");
            Assert.That(HubRequestContext.Current!.OrganizationId, Is.EqualTo("org-a"));
        }

        Assert.That(HubRequestContext.Current, Is.Null);
    }

    [Test]
    public void Options_AreCopiedWhenTheScopeBegins()
    {
        var options = new HubRequestOptions { OrganizationId = "org-a" };
        using var scope = HubRequestContext.Begin(options);
        options.OrganizationId = "org-b";
        options.Headers["X-Late"] = "1";

        Assert.That(HubRequestContext.Current!.OrganizationId, Is.EqualTo("org-a"));
        Assert.That(HubRequestContext.Current!.Headers, Is.Empty);
    }

    [Test]
    public async Task Scopes_OfConcurrentFlows_DoNotMix()
    {
        var seen = new System.Collections.Concurrent.ConcurrentBag<(string Flow, string? Org)>();
        var recorder = new DelegateHandler((request, _) =>
        {
            seen.Add((request.Headers.GetValues("X-Flow").Single(), request.Headers.TryGetValues("X-OrganizationId", out var v) ? v.Single() : null));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("[]") });
        });
        using var recording = Hub.Quantum(recorder);

        async Task FlowAsync(string name)
        {
            using var scope = HubRequestContext.Begin(new HubRequestOptions { OrganizationId = "org-" + name, Headers = { ["X-Flow"] = name } });
            for (var i = 0; i < 20; i++)
            {
                await Task.Yield();
                await recording.Backends.GetBackendsAsync();
            }
        }

        await Task.WhenAll(Task.Run(() => FlowAsync("a")), Task.Run(() => FlowAsync("b")), Task.Run(() => FlowAsync("c")));

        Assert.That(seen, Has.Count.EqualTo(60));
        Assert.That(seen.All(s => s.Org == "org-" + s.Flow), Is.True, "each request carries its own flow's organization");
    }

    [Test]
    public async Task GeneratedNamespaceCall_InAScope_CarriesItsOrganizationAndHeaders()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, Hub.QuantumBase + "jobs/j1")
            .WithHeaders("X-OrganizationId", "org-m")
            .WithHeaders("X-Trace", "t-1")
            .RespondJson("""{"id":"j1","status":"RUNNING"}""");
        using var client = Hub.Quantum(mock, o => o.OrganizationId = "org-client");

        using (HubRequestContext.Begin(new HubRequestOptions { OrganizationId = "org-m", Headers = { ["X-Trace"] = "t-1" } }))
        {
            Assert.That((await client.Jobs.GetJobAsync("j1")).Id, Is.EqualTo("j1"));
        }

        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task Scope_FlowsIntoTasksStartedInside()
    {
        var stub = new StubHandler(HttpStatusCode.OK, "[]");
        using var client = Hub.Quantum(stub);

        Task call;
        using (HubRequestContext.Begin(new HubRequestOptions { Headers = { ["X-Scope"] = "yes" } }))
        {
            call = Task.Run(() => client.Backends.GetBackendsAsync());
        }

        await call;
        Assert.That(stub.Requests.Single().Header("X-Scope"), Is.EqualTo("yes"));
    }

    [Test]
    public async Task ScopeHeaders_WinOverTheClientsHeaders_NotOverTheRequestsOwn()
    {
        var stub = new StubHandler(HttpStatusCode.OK, "{}");
        using var client = Hub.Quantum(stub, o => o.Headers = new Dictionary<string, string> { ["X-Team"] = "client", ["X-Keep"] = "client" });

        using (HubRequestContext.Begin(new HubRequestOptions { Headers = { ["X-Team"] = "scope", ["Accept"] = "text/plain" } }))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "backends");
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await client.SendAsync(request);
        }

        var sent = stub.Requests.Single();
        Assert.That(sent.Header("X-Team"), Is.EqualTo("scope"));
        Assert.That(sent.Header("X-Keep"), Is.EqualTo("client"));
        Assert.That(sent.Header("Accept"), Is.EqualTo("application/json"));
    }

    [Test]
    public async Task ScopeRetries_CanRaiseTheStandaloneClientsCount_ButNeverRetryAPost()
    {
        var time = new FakeTimeProvider();
        var stub = new StubHandler(HttpStatusCode.ServiceUnavailable);
        using var client = Hub.Quantum(stub, o => { o.MaxRetries = 0; o.TimeProvider = time; });

        using (HubRequestContext.Begin(new HubRequestOptions { MaxRetries = 2 }))
        {
            var get = client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "backends"));
            while (!get.IsCompleted)
            {
                time.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(1);
            }

            (await get).Dispose();
            (await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "jobs") { Content = new StringContent("{}") })).Dispose();
        }

        Assert.That(stub.Requests.Count(r => r.Method == HttpMethod.Get), Is.EqualTo(3));
        Assert.That(stub.Requests.Count(r => r.Method == HttpMethod.Post), Is.EqualTo(1));
    }

    [Test]
    public async Task ScopeTimeout_ReplacesTheClientsPerAttemptTimeout()
    {
        var time = new FakeTimeProvider();
        using var client = Hub.Quantum(StubHandler.Hanging(), o => { o.Timeout = TimeSpan.FromMinutes(10); o.MaxRetries = 0; o.TimeProvider = time; });

        Task<HttpResponseMessage> call;
        using (HubRequestContext.Begin(new HubRequestOptions { Timeout = TimeSpan.FromSeconds(2) }))
        {
            call = client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "backends"));
        }

        time.Advance(TimeSpan.FromSeconds(2));
        var ex = Assert.ThrowsAsync<HubTimeoutException>(() => call);
        Assert.That(ex!.Timeout, Is.EqualTo(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public async Task ScopeOrganization_IsSentOnlyToTheConfiguredHost_AndNeverToTheServiceGateway()
    {
        var stub = new StubHandler(HttpStatusCode.OK, "{}");
        using var quantum = Hub.Quantum(stub);
        using var service = Hub.Service(stub);

        using (HubRequestContext.Begin(new HubRequestOptions { OrganizationId = " org-x " }))
        {
            (await quantum.SendAsync(new HttpRequestMessage(HttpMethod.Get, "backends"))).Dispose();
            (await quantum.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://elsewhere.test/x"))).Dispose();
            (await service.SendAsync(new HttpRequestMessage(HttpMethod.Get, "status"))).Dispose();
        }

        var sent = stub.Requests.ToArray();
        Assert.That(sent[0].Header("X-OrganizationId"), Is.EqualTo("org-x"), "trimmed");
        Assert.That(sent[1].Header("X-OrganizationId"), Is.Null);
        Assert.That(sent[2].Header("X-OrganizationId"), Is.Null);
    }

    [Test]
    public async Task SendAsyncOptions_ReplaceAHeaderTheRequestCarries_ForTheOrganization()
    {
        var stub = new StubHandler(HttpStatusCode.OK, "{}");
        using var client = Hub.Quantum(stub, o => o.OrganizationId = "org-client");
        using var request = new HttpRequestMessage(HttpMethod.Get, "backends");
        request.Headers.Add("X-OrganizationId", "org-on-request");

        (await client.SendAsync(request, new HubRequestOptions { OrganizationId = "org-call" })).Dispose();

        Assert.That(stub.Requests.Single().Header("X-OrganizationId"), Is.EqualTo("org-call"));
    }

    [TestCase("org\r\nX-Injected: yes")]
    [TestCase("org\u00e9")]
    [TestCase("  ")]
    public void InvalidOrganization_IsRefused_WithoutQuotingIt(string organization)
    {
        var ex = Assert.Catch<ArgumentException>(() => HubRequestContext.Begin(new HubRequestOptions { OrganizationId = organization }));

        Assert.That(ex!.Message, Does.Contain("HubRequestOptions.OrganizationId"));
        Assert.That(ex.Message, Does.Not.Contain("X-Injected"));
        Assert.That(HubRequestContext.Current, Is.Null);
    }

    [TestCase("Authorization", "Bearer x", "must not be set")]
    [TestCase("x-auth-token", "x", "must not be set")]
    [TestCase("X-OrganizationId", "org", "set only OrganizationId")]
    [TestCase("Bad Name", "x", "header name that cannot be sent")]
    [TestCase("X-Note", "a\nb", "not allowed in an HTTP header value")]
    public void InvalidHeader_IsRefused(string name, string value, string expected)
    {
        var ex = Assert.Catch<ArgumentException>(() => HubRequestContext.Begin(new HubRequestOptions { Headers = { [name] = value } }));

        Assert.That(ex!.Message, Does.Contain("HubRequestOptions.Headers").And.Contain(expected));
    }

    [Test]
    public void OutOfRangeTimeoutAndRetries_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HubRequestContext.Begin(new HubRequestOptions { Timeout = TimeSpan.FromSeconds(-1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => HubRequestContext.Begin(new HubRequestOptions { MaxRetries = -1 }));
        Assert.DoesNotThrow(() => HubRequestContext.Begin(new HubRequestOptions { Timeout = Timeout.InfiniteTimeSpan }).Dispose());
    }

    [Test]
    public void GetOptions_ReadsTheOptionsARequestCarries()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://hub.test/quantum/backends");

        Assert.That(HubRequestContext.GetOptions(request), Is.Null);
    }
}
