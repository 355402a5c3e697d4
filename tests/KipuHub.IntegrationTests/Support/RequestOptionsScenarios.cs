using KipuHub.Emulator;
using KipuHub.Emulator.Faults;
using KipuHub.Generated.Quantum;
using KipuHub.IntegrationTests;

namespace KipuHub.Tests.Support;

/// <summary>
/// What per-request options (<see cref="HubRequestOptions"/>) must do against the emulator, whichever pipeline sent
/// the request: the standalone one (SDK retries and timeouts) or <c>AddKipuHub</c>'s (IHttpClientFactory and the
/// standard resilience pipeline). Shared by both test projects (linked file). The client is configured with
/// organization <see cref="ClientOrganization"/> and 2 retries.
/// </summary>
public static class RequestOptionsScenarios
{
    /// <summary>The organization the client under test is configured with.</summary>
    public const string ClientOrganization = "org-client";

    /// <summary>Emulator options where every organization the scenarios use exists.</summary>
    public static KipuHubEmulatorOptions EmulatorOptions()
    {
        var options = new KipuHubEmulatorOptions { Seed = 7 };
        foreach (var organization in new[] { ClientOrganization, "org-scope", "org-other", "org-outer", "org-inner", "org-call" })
        {
            options.OrganizationIds.Add(organization);
        }

        return options;
    }

    /// <summary>A scope with MaxRetries 0 sends a failing GET once; outside it the client's 2 retries apply.</summary>
    public static async Task NoRetryScope_SendsOnce_OutsideItTheClientRetriesAsync(IHubQuantumClient client, KipuHubEmulator hub)
    {
        hub.Faults.Add(FaultRule.ServerError("GET", "/quantum/backends", 503));
        hub.Requests.Clear();

        using (HubRequestContext.Begin(new HubRequestOptions { MaxRetries = 0 }))
        {
            var ex = Assert.ThrowsAsync<HubApiException>(() => client.Backends.GetBackendsAsync());
            Assert.That(ex!.StatusCode, Is.EqualTo(503));
        }

        Assert.That(hub.Requests.CountOf("GET", "/quantum/backends"), Is.EqualTo(1), "MaxRetries 0: one attempt");
        Assert.ThrowsAsync<HubApiException>(() => client.Backends.GetBackendsAsync());
        Assert.That(hub.Requests.CountOf("GET", "/quantum/backends"), Is.EqualTo(1 + 3), "after the scope: the client's 2 retries again");
    }

    /// <summary>A scope asking for retries never makes a job POST retryable.</summary>
    public static async Task RetriesScope_NeverRetriesAJobPostAsync(IHubQuantumClient client, KipuHubEmulator hub)
    {
        hub.Faults.Add(FaultRule.ServerError("POST", "/quantum/jobs", 503));
        hub.Requests.Clear();

        using (HubRequestContext.Begin(new HubRequestOptions { MaxRetries = 2 }))
        {
            Assert.ThrowsAsync<HubApiException>(() => client.SubmitJobAsync(Circuits.Bell(shots: 10)));
        }

        Assert.That(hub.Requests.CountOf("POST", "/quantum/jobs"), Is.EqualTo(1));
    }

    /// <summary>The scope's organization replaces the client's on every request of the scope, and only there.</summary>
    public static async Task OrganizationScope_ReplacesTheClientsOrganizationAsync(IHubQuantumClient client, KipuHubEmulator hub)
    {
        hub.Requests.Clear();
        using (HubRequestContext.Begin(new HubRequestOptions { OrganizationId = "org-scope" }))
        {
            await client.Backends.GetBackendsAsync();
        }

        await client.Backends.GetBackendsAsync();

        var sent = hub.Requests.Find("GET", "/quantum/backends");
        Assert.That(sent.Select(r => r.Headers.GetValueOrDefault("X-OrganizationId")), Is.EqualTo(new[] { "org-scope", ClientOrganization }));
    }

    /// <summary>A job created in the scope's organization is that organization's: invisible from the client's.</summary>
    public static async Task OrganizationScope_CreatesTheJobInThatOrganizationAsync(IHubQuantumClient client)
    {
        Job job;
        using (HubRequestContext.Begin(new HubRequestOptions { OrganizationId = "org-other" }))
        {
            job = await client.SubmitJobAsync(Circuits.Bell(shots: 10));
            Assert.That((await client.Jobs.GetJobAsync(job.Id!)).Id, Is.EqualTo(job.Id));
        }

        Assert.ThrowsAsync<NotFoundException>(() => client.Jobs.GetJobAsync(job.Id!));
    }

    /// <summary>Nested scopes merge: the inner organization wins, headers of both are sent, the inner value wins per name.</summary>
    public static async Task NestedScopes_MergeAsync(IHubQuantumClient client, KipuHubEmulator hub)
    {
        hub.Requests.Clear();
        using (HubRequestContext.Begin(new HubRequestOptions { OrganizationId = "org-outer", Headers = { ["X-Outer"] = "1", ["X-Both"] = "outer" } }))
        {
            using (HubRequestContext.Begin(new HubRequestOptions { OrganizationId = "org-inner", Headers = { ["X-Inner"] = "2", ["X-Both"] = "inner" } }))
            {
                await client.Backends.GetBackendsAsync();
            }

            await client.Backends.GetBackendsAsync();
        }

        var sent = hub.Requests.Find("GET", "/quantum/backends");
        Assert.That(sent[0].Headers["X-OrganizationId"], Is.EqualTo("org-inner"));
        Assert.That(sent[0].Headers["X-Outer"], Is.EqualTo("1"));
        Assert.That(sent[0].Headers["X-Inner"], Is.EqualTo("2"));
        Assert.That(sent[0].Headers["X-Both"], Is.EqualTo("inner"));
        Assert.That(sent[1].Headers["X-OrganizationId"], Is.EqualTo("org-outer"));
        Assert.That(sent[1].Headers.ContainsKey("X-Inner"), Is.False);
        Assert.That(sent[1].Headers["X-Both"], Is.EqualTo("outer"));
    }

    /// <summary>A scope's timeout replaces the client's per attempt.</summary>
    public static async Task TimeoutScope_TimesTheAttemptOutAsync(IHubQuantumClient client, KipuHubEmulator hub)
    {
        hub.Faults.Add(FaultRule.Latency("GET", "/quantum/backends", TimeSpan.FromSeconds(5), times: 1));

        using (HubRequestContext.Begin(new HubRequestOptions { Timeout = TimeSpan.FromMilliseconds(200), MaxRetries = 0 }))
        {
            var ex = Assert.ThrowsAsync<HubTimeoutException>(() => client.Backends.GetBackendsAsync());
            Assert.That(ex!.Timeout, Is.EqualTo(TimeSpan.FromMilliseconds(200)));
            Assert.That(ex.Message, Does.Contain("0.2 s"));
        }

        // The client's own timeout (30 s) lets the same slow answer through once the scope is over.
        Assert.That(await client.Backends.GetBackendsAsync(), Is.Not.Empty);
    }

    /// <summary>Options given to one SendAsync call apply to it alone, over the scope.</summary>
    public static async Task SendAsyncOptions_ApplyToThatRequestAsync(IHubQuantumClient client, KipuHubEmulator hub)
    {
        hub.Requests.Clear();
        using (HubRequestContext.Begin(new HubRequestOptions { Headers = { ["X-Scope"] = "s" } }))
        {
            using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "backends"), new HubRequestOptions { OrganizationId = "org-call", Headers = { ["X-Call"] = "c" } });
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            using var plain = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "backends"));
        }

        var sent = hub.Requests.Find("GET", "/quantum/backends");
        Assert.That(sent[0].Headers["X-OrganizationId"], Is.EqualTo("org-call"));
        Assert.That(sent[0].Headers["X-Call"], Is.EqualTo("c"));
        Assert.That(sent[0].Headers["X-Scope"], Is.EqualTo("s"));
        Assert.That(sent[1].Headers["X-OrganizationId"], Is.EqualTo(ClientOrganization));
        Assert.That(sent[1].Headers.ContainsKey("X-Call"), Is.False);
    }

    /// <summary>Values that cannot be sent are refused when applied, and nothing reaches the Hub.</summary>
    public static async Task InvalidOptions_AreRefused_NothingIsSentAsync(IHubQuantumClient client, KipuHubEmulator hub)
    {
        hub.Requests.Clear();
        Assert.Throws<ArgumentException>(() => HubRequestContext.Begin(new HubRequestOptions { OrganizationId = "org-1\r\nX-Injected: yes" }));
        Assert.Throws<ArgumentException>(() => HubRequestContext.Begin(new HubRequestOptions { Headers = { ["Authorization"] = "Bearer x" } }));
        Assert.Throws<ArgumentException>(() => HubRequestContext.Begin(new HubRequestOptions { Headers = { ["X-Auth-Token"] = "x" } }));
        Assert.Throws<ArgumentException>(() => HubRequestContext.Begin(new HubRequestOptions { Headers = { ["X-OrganizationId"] = "org-2" } }));
        Assert.Throws<ArgumentException>(() => HubRequestContext.Begin(new HubRequestOptions { Headers = { ["X-Note"] = "a\nb" } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => HubRequestContext.Begin(new HubRequestOptions { Timeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => HubRequestContext.Begin(new HubRequestOptions { MaxRetries = -1 }));
        Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "backends"), new HubRequestOptions { OrganizationId = "a\nb" }));

        Assert.That(HubRequestContext.Current, Is.Null, "a refused scope is not open");
        await client.Backends.GetBackendsAsync();
        Assert.That(hub.Requests.Snapshot().Select(r => r.Path), Is.EqualTo(new[] { "/quantum/backends" }), "only the last, valid call was sent");
        Assert.That(hub.Requests.Snapshot()[0].Headers.ContainsKey("X-Injected"), Is.False);
    }
}
