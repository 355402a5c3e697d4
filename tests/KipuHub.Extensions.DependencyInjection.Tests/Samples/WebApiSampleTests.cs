using System.Net;
using System.Net.Http.Json;
using KipuHub.Emulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace KipuHub.Extensions.DependencyInjection.Tests.Samples;

/// <summary>Starts samples/KipuHub.Samples.WebApi with WebApplicationFactory, wired to an emulator, and drives it over HTTP.</summary>
[TestFixture]
public class WebApiSampleTests
{
    [Test]
    public async Task SubmitWaitAndStream_AgainstAnEmulatorOnFakeTime()
    {
        var hubTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await Emulators.StartAsync(hubTime);
        await using var app = Sample(hub);
        using var http = app.CreateClient();

        var submitted = await http.PostAsJsonAsync("/jobs", new { shots = 1000 });
        Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var job = (await submitted.Content.ReadFromJsonAsync<JobView>())!;
        Assert.That(submitted.Headers.Location!.ToString(), Is.EqualTo($"/jobs/{job.Id}"));

        Assert.That((await StatusAsync(http, job.Id)).Status, Is.EqualTo("PENDING"));
        var early = await http.GetAsync($"/jobs/{job.Id}/result");
        Assert.That(early.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "no result while the job runs");

        hubTime.Advance(TimeSpan.FromSeconds(1));
        Assert.That((await StatusAsync(http, job.Id)).Status, Is.EqualTo("COMPLETED"));

        using var result = await http.GetAsync($"/jobs/{job.Id}/result", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(result.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        var counts = (JObject)JObject.Parse(await result.Content.ReadAsStringAsync())["counts"]!;
        Assert.That(counts.Properties().Select(p => p.Name), Is.SubsetOf(new[] { "00", "11" }), "a Bell pair measures 00 or 11");
        Assert.That(counts.Properties().Sum(p => (int)p.Value), Is.EqualTo(1000));
        Assert.That(hub.Requests.CountOf("POST", "/quantum/jobs"), Is.EqualTo(1));
    }

    [Test]
    public async Task UseEmulator_StartsAnInProcessHub_AndARunJobCompletesThroughTheSdksWait()
    {
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("KipuHub:UseEmulator", "true"));
        using var http = app.CreateClient();
        http.Timeout = TimeSpan.FromSeconds(30); // the bound: the SDK's own wait, inside the endpoint, does the polling

        var run = await http.PostAsJsonAsync("/jobs/run", new { shots = 100 });

        Assert.That(run.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var counts = JObject.Parse(await run.Content.ReadAsStringAsync());
        Assert.That(counts.Properties().Sum(p => (int)p.Value), Is.EqualTo(100), "the job completed and its histogram came back");
        var health = await http.GetStringAsync("/health");
        Assert.That(health, Is.EqualTo("Healthy"));
    }

    // WebApplicationFactory (HostFactoryResolver) marks the flow that runs the app's entry point and configures, with
    // UseTestServer, every host built on that flow while it waits for the app's host. The sample's UseEmulator starts
    // its emulator on that flow (from ValidateOnStart); here the emulator is started during the app's build, where the
    // factory is certainly still listening: its host must still be its own Kestrel host on loopback.
    [Test]
    public async Task AnEmulatorStartedWhileTheFactoryBuildsTheApp_ListensOnLoopback_AndTheAppReachesIt()
    {
        KipuHubEmulator? inner = null;
        var started = false;
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("KipuHub:UseEmulator", "false")
            .ConfigureServices(services =>
            {
                if (started)
                {
                    return;
                }

                started = true;
                inner = KipuHubEmulator.StartAsync().GetAwaiter().GetResult();
                services.PostConfigure<KipuHubOptions>(o =>
                {
                    o.BaseUrl = inner.QuantumBaseUrl;
                    o.ApiKey = inner.AccessToken;
                });
            }));
        using var http = app.CreateClient();
        await using var hub = inner!;

        Assert.That(hub.BaseUrl.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(await http.GetStringAsync("/health"), Is.EqualTo("Healthy"));
        Assert.That(hub.Requests.Snapshot(), Is.Not.Empty, "the app's health check went to the emulator over loopback");
    }

    [Test]
    public async Task UnknownJob_Is404()
    {
        await using var hub = await Emulators.StartAsync();
        await using var app = Sample(hub);
        using var http = app.CreateClient();

        Assert.That((await http.GetAsync("/jobs/nope")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await http.GetAsync("/jobs/nope/result")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public void MissingToken_FailsAtStartUp_WithAMessageNamingTheKey()
    {
        using var app = new StartUpFailureFactory().WithWebHostBuilder(b => b
            .UseSetting("KipuHub:UseEmulator", "false")
            .UseSetting("KipuHub:BaseUrl", "http://127.0.0.1:9/quantum/")
            .ConfigureTestServices(s => s.PostConfigure<KipuHubOptions>(o => o.CredentialEnvironment = NoCredentials.Environment)));

        var ex = Assert.Catch(() => app.CreateClient());

        Assert.That(ex!.ToString(), Does.Contain("KipuHub:ApiKey"));
    }

    [Test]
    public void InvalidBaseUrl_FailsAtStartUp_WithAMessageNamingTheKey()
    {
        using var app = new StartUpFailureFactory().WithWebHostBuilder(b => b
            .UseSetting("KipuHub:UseEmulator", "false")
            .UseSetting("KipuHub:ApiKey", "token-123456")
            .UseSetting("KipuHub:BaseUrl", "localhost:8080/quantum"));

        var ex = Assert.Catch(() => app.CreateClient());

        Assert.That(ex!.ToString(), Does.Contain("KipuHub:BaseUrl must be an absolute http(s) URL"));
    }

    [Test]
    public async Task HealthCheck_IsUnhealthy_WithAClearDescription_WhenTheTokenIsRejected()
    {
        await using var hub = await Emulators.StartAsync();
        const string wrongToken = "wrong-token-abcdef";
        await using var app = Sample(hub, wrongToken);
        using var http = app.CreateClient();

        var response = await http.GetAsync("/health");
        var report = await app.Services.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>().CheckHealthAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(report.Entries["kipuhub"].Description, Does.Contain("rejected the token (401 Unauthorized)"));
        Assert.That(report.Entries["kipuhub"].Description, Does.Not.Contain(wrongToken));
    }

    [Test]
    public async Task HealthCheck_IsUnhealthy_WhenTheHubIsUnreachable()
    {
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("KipuHub:UseEmulator", "false")
            .UseSetting("KipuHub:ApiKey", "token-123456")
            .UseSetting("KipuHub:MaxRetries", "0")
            .UseSetting("KipuHub:BaseUrl", "http://127.0.0.1:9/quantum/"));

        var report = await app.Services.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>().CheckHealthAsync();

        Assert.That(report.Status, Is.EqualTo(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy));
        Assert.That(report.Entries["kipuhub"].Description, Does.Contain("is unreachable or did not answer in time"));
    }

    internal static WebApplicationFactory<Program> Sample(KipuHubEmulator hub, string? token = null, ILoggerProvider? logs = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("KipuHub:UseEmulator", "false")
                .UseSetting("KipuHub:BaseUrl", hub.QuantumBaseUrl.ToString())
                .UseSetting("KipuHub:ApiKey", token ?? hub.AccessToken);
            if (logs is not null)
            {
                b.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
            }
        });

    internal static async Task<JobView> StatusAsync(HttpClient http, string id) =>
        (await http.GetFromJsonAsync<JobView>($"/jobs/{id}"))!;

    internal sealed record JobView(string Id, string Status);

    /// <summary>
    /// Reports a failed start-up with the app's own exception. When the app's host fails to start, its entry point
    /// disposes it; WebApplicationFactory's DeferredHost.StartAsync then reads the disposed host's services and, if it
    /// gets there after the dispose (a race between the entry point's thread and the test's), throws
    /// ObjectDisposedException instead of the start-up error. The host logs that error before it is disposed, so the
    /// log always has it by then.
    /// </summary>
    private sealed class StartUpFailureFactory : WebApplicationFactory<Program>
    {
        private readonly CapturingLoggerProvider _logs = new();

        protected override IHost CreateHost(IHostBuilder builder)
        {
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(_logs));
            try
            {
                return base.CreateHost(builder);
            }
            catch (ObjectDisposedException disposed)
            {
                var failure = _logs.Lines.FirstOrDefault(line => line.Contains("Hosting failed to start", StringComparison.Ordinal));
                throw failure is null ? disposed : new InvalidOperationException($"The app failed to start: {failure}", disposed);
            }
        }
    }
}
