using System.Net;
using KipuHub.Emulator.Tests.Support;
using KipuHub.Generated.Quantum;

namespace KipuHub.Emulator.Tests.Hosting;

[TestFixture]
public class EmulatorLifecycleTests
{
    [Test]
    public async Task Defaults_give_loopback_urls_random_tokens_and_a_free_port()
    {
        await using var first = await KipuHubEmulator.StartAsync();
        await using var second = await KipuHubEmulator.StartAsync();

        Assert.That(first.QuantumBaseUrl.ToString(), Does.StartWith("http://127.0.0.1:").And.EndWith("/quantum/"));
        Assert.That(first.PlatformBaseUrl.ToString(), Does.EndWith("/qc-catalog/"));
        Assert.That(first.GetServiceBaseUrl("echo").ToString(), Is.EqualTo($"{first.BaseUrl}gateway/kipu-demo/echo/1.0.0/"));
        Assert.That(first.ServiceNames, Is.EquivalentTo(new[] { "echo", "bell-sampler" }));
        Assert.That(first.BaseUrl.Port, Is.Not.EqualTo(second.BaseUrl.Port));
        Assert.That(first.AccessToken, Is.Not.EqualTo(second.AccessToken));
        Assert.That(first.ServiceToken, Is.Not.EqualTo(first.AccessToken));
        Assert.That(first.OrganizationIds, Is.EquivalentTo(new[] { "org-kipu-demo", "org-acme" }));
        Assert.That(first.TimeProvider, Is.SameAs(TimeProvider.System));
        Assert.That(first.ToString(), Does.Not.Contain(first.AccessToken));
        Assert.That(first.Users[0].ToString(), Does.Not.Contain(first.AccessToken));
    }

    [Test]
    public async Task With_the_system_clock_a_job_completes_on_its_own()
    {
        await using var hub = await KipuHubEmulator.StartAsync(new KipuHubEmulatorOptions { JobPendingDuration = TimeSpan.Zero, JobRunningDuration = TimeSpan.Zero });
        using var http = hub.CreateQuantumHttpClient();

        var job = await new JobsClient(http).CreateJobAsync(Circuits.IonqBell());

        Assert.That((await new JobsClient(http).GetJobStatusAsync(job.Id!)).Status, Is.EqualTo(JobStatus.Completed));
    }

    [Test]
    public async Task Disposing_stops_the_server()
    {
        var hub = await KipuHubEmulator.StartAsync();
        using var http = hub.CreateQuantumHttpClient();
        await hub.DisposeAsync();
        await hub.DisposeAsync();

        Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("backends"));
    }

    [Test]
    public void Impossible_options_are_rejected_at_start()
    {
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => KipuHubEmulator.StartAsync(new KipuHubEmulatorOptions { JobPendingDuration = TimeSpan.FromSeconds(-1) }));
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => KipuHubEmulator.StartAsync(new KipuHubEmulatorOptions { MaxSimulatedQubits = 40 }));
        var duplicate = new KipuHubEmulatorOptions();
        duplicate.Users.Add(new EmulatorUser("a", "same"));
        duplicate.Users.Add(new EmulatorUser("b", "same"));
        Assert.ThrowsAsync<ArgumentException>(() => KipuHubEmulator.StartAsync(duplicate));
        Assert.Throws<ArgumentException>(() => _ = new EmulatorUser("a", " "));
    }

    [Test]
    public async Task The_request_log_counts_calls_by_method_and_path_pattern()
    {
        var (hub, _) = await EmulatorTestBase.StartAsync();
        await using var _ = hub;
        using var http = hub.CreateQuantumHttpClient();
        var jobs = new JobsClient(http);
        var job = await jobs.CreateJobAsync(Circuits.IonqBell());
        await jobs.GetJobStatusAsync(job.Id!);
        await jobs.GetJobStatusAsync(job.Id!);
        using var missing = await http.GetAsync("jobs/nope");

        Assert.That(hub.Requests.CountOf("POST", "/quantum/jobs"), Is.EqualTo(1));
        Assert.That(hub.Requests.CountOf("GET", "/quantum/jobs/*/status"), Is.EqualTo(2));
        Assert.That(hub.Requests.CountOf(null, "/quantum/**"), Is.EqualTo(4));
        Assert.That(hub.Requests.Snapshot().Last().StatusCode, Is.EqualTo((int)HttpStatusCode.NotFound));
        hub.Requests.Clear();
        Assert.That(hub.Requests.Count, Is.Zero);
    }
}
