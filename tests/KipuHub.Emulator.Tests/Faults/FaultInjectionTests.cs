using System.Diagnostics;
using KipuHub.Emulator.Faults;
using KipuHub.Emulator.Tests.Support;
using KipuHub.Generated.Quantum;
using KipuHub.Generated.Service;
using Newtonsoft.Json.Linq;
using QuantumApiException = KipuHub.Generated.Quantum.QuantumApiException;

namespace KipuHub.Emulator.Tests.Faults;

[TestFixture]
public class FaultInjectionTests : EmulatorTestBase
{
    [Test]
    public async Task Latency_delays_the_matching_request_only_as_often_as_asked()
    {
        Hub.Faults.Add(FaultRule.Latency("GET", "/quantum/backends", TimeSpan.FromMilliseconds(300), times: 1));

        var clock = Stopwatch.StartNew();
        await Backends.GetBackendsAsync();
        var slow = clock.Elapsed;
        clock.Restart();
        await Backends.GetBackendsAsync();

        Assert.That(slow, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(280)));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromMilliseconds(250)));
    }

    [Test]
    public async Task Too_many_requests_sends_429_with_retry_after_then_recovers()
    {
        var rule = Hub.Faults.Add(FaultRule.TooManyRequests("GET", "/quantum/jobs", TimeSpan.FromSeconds(2), times: 1));

        var ex = Assert.ThrowsAsync<QuantumApiException>(() => Jobs.SearchJobsAsync());
        var page = await Jobs.SearchJobsAsync();

        Assert.That(ex!.StatusCode, Is.EqualTo(429));
        Assert.That(ex.Headers["Retry-After"].Single(), Is.EqualTo("2"));
        Api.ErrorBody(429, ex.Response);
        Assert.That(page, Is.Not.Null);
        Assert.That(rule.Hits, Is.EqualTo(1));
    }

    [TestCase(500)]
    [TestCase(502)]
    [TestCase(503)]
    public async Task Server_errors_fire_the_configured_number_of_times(int status)
    {
        var rule = Hub.Faults.Add(FaultRule.ServerError("GET", "/quantum/backends/*", status, times: 2));

        Api.FailsWith(status, () => Backends.GetBackendAsync("aws.sim.sv1"));
        Api.FailsWith(status, () => Backends.GetBackendAsync("aws.sim.sv1"));
        var backend = await Backends.GetBackendAsync("aws.sim.sv1");

        Assert.That(backend.Id, Is.EqualTo("aws.sim.sv1"));
        Assert.That(rule.Hits, Is.EqualTo(2));
        Assert.That(rule.Matches, Is.EqualTo(3));
    }

    [Test]
    public async Task Skip_first_method_filters_and_patterns_choose_which_requests_fail()
    {
        Hub.Faults.Add(new FaultRule(FaultKind.ServerError, "/quantum/jobs/*/status") { Method = "GET", SkipFirst = 1, Times = 1, StatusCode = 500 });
        var job = await Jobs.CreateJobAsync(Circuits.IonqBell());

        await Jobs.GetJobStatusAsync(job.Id!);
        Api.FailsWith(500, () => Jobs.GetJobStatusAsync(job.Id!));
        await Jobs.GetJobStatusAsync(job.Id!);
        await Jobs.GetJobAsync(job.Id!);
    }

    [Test]
    public async Task Probability_hits_some_requests_reproducibly_with_the_seed()
    {
        Hub.Faults.Add(new FaultRule(FaultKind.ServerError, "/quantum/backends/*/status") { Probability = 0.5 });

        var failures = 0;
        for (var i = 0; i < 40; i++)
        {
            try
            {
                await Backends.GetBackendStatusAsync("aws.sim.sv1");
            }
            catch (QuantumApiException ex) when (ex.StatusCode == 503)
            {
                failures++;
            }
        }

        Assert.That(failures, Is.InRange(8, 32));
    }

    [Test]
    public async Task A_connection_reset_before_handling_creates_no_job()
    {
        var (hub, _) = await StartAsync();
        await using var _ = hub;
        using var http = hub.CreateQuantumHttpClient();
        var jobs = new JobsClient(http);
        hub.Faults.Add(FaultRule.ResetConnection("POST", "/quantum/jobs", times: 1));

        Assert.ThrowsAsync<HttpRequestException>(() => jobs.CreateJobAsync(Circuits.IonqBell()));
        var page = await jobs.SearchJobsAsync();

        Assert.That(page.TotalElements, Is.Zero);
        var logged = hub.Requests.Find("POST", "/quantum/jobs").Single();
        Assert.That(logged.Aborted, Is.True);
        Assert.That(logged.Fault, Is.EqualTo(FaultKind.ResetConnection));
    }

    [Test]
    public async Task A_connection_reset_after_handling_leaves_the_job_created()
    {
        var (hub, _) = await StartAsync();
        await using var _ = hub;
        using var http = hub.CreateQuantumHttpClient();
        var jobs = new JobsClient(http);
        hub.Faults.Add(FaultRule.ResetAfterHandling("POST", "/quantum/jobs", times: 1));

        Assert.ThrowsAsync<HttpRequestException>(() => jobs.CreateJobAsync(Circuits.IonqBell()));
        var page = await jobs.SearchJobsAsync();

        Assert.That(page.TotalElements, Is.EqualTo(1), "the server did the work; only the answer was lost");
        Assert.That(hub.Requests.CountOf("POST", "/quantum/jobs"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_response_held_back_past_the_client_timeout_still_created_the_job()
    {
        var (hub, _) = await StartAsync();
        await using var _ = hub;
        using var http = hub.CreateQuantumHttpClient();
        http.Timeout = TimeSpan.FromMilliseconds(300);
        hub.Faults.Add(FaultRule.LatencyAfterHandling("POST", "/quantum/jobs", TimeSpan.FromSeconds(5), times: 1));

        Assert.CatchAsync<OperationCanceledException>(() => new JobsClient(http).CreateJobAsync(Circuits.IonqBell()));
        using var patient = hub.CreateQuantumHttpClient();
        var page = await new JobsClient(patient).SearchJobsAsync();

        Assert.That(page.TotalElements, Is.EqualTo(1));
    }

    [Test]
    public async Task A_result_stream_cut_off_mid_body_fails_while_reading()
    {
        var request = Circuits.IonqBell();
        request.InputParams = new JobInputParams { AdditionalProperties = { ["emulator_result_bytes"] = 1_000_000 } };
        var job = await Jobs.CreateJobAsync(request);
        Advance(LongEnough);
        Hub.Faults.Add(FaultRule.TruncateBody("GET", "/quantum/jobs/*/result-stream", afterBytes: 100_000));

        using var response = await Jobs.GetJobResultStreamAsync(job.Id!);
        var buffer = new byte[81920];
        long read = 0;
        var ex = Assert.CatchAsync<IOException>(async () =>
        {
            int n;
            while ((n = await response.Stream.ReadAsync(buffer)) > 0)
            {
                read += n;
            }
        });

        // Guaranteed: the read fails, no more than the 100,000 bytes let through arrive, and the headers still say how
        // long the body should have been (so a client can tell it is incomplete). How many of the bytes in flight arrive
        // before the connection ends is the network's business, not the fault's.
        Assert.That(ex, Is.Not.Null);
        Assert.That(read, Is.InRange(0, 100_000));
        Assert.That(response.Headers["Content-Length"].Single(), Is.EqualTo("1000000"));
    }

    [Test]
    public async Task A_small_json_body_cut_off_fails_the_call()
    {
        var job = await Jobs.CreateJobAsync(Circuits.IonqBell());
        Hub.Faults.Add(FaultRule.TruncateBody("GET", "/quantum/jobs/*/status"));

        var ex = Assert.CatchAsync<Exception>(() => Jobs.GetJobStatusAsync(job.Id!));

        Assert.That(ex, Is.InstanceOf<IOException>().Or.InstanceOf<HttpRequestException>().Or.InstanceOf<QuantumApiException>());
    }

    [Test]
    public async Task Malformed_json_keeps_the_status_but_cannot_be_parsed()
    {
        var job = await Jobs.CreateJobAsync(Circuits.IonqBell());
        var rule = Hub.Faults.Add(FaultRule.MalformedJson("GET", "/quantum/jobs/*"));

        var ex = Assert.ThrowsAsync<QuantumApiException>(() => Jobs.GetJobAsync(job.Id!));
        Hub.Faults.Remove(rule);
        var fine = await Jobs.GetJobAsync(job.Id!);

        Assert.That(ex!.StatusCode, Is.EqualTo(200));
        Assert.That(ex.Message, Does.Contain("Could not deserialize"));
        Assert.That(fine.Id, Is.EqualTo(job.Id));
    }

    [Test]
    public async Task Gateway_routes_take_faults_too_and_clear_restores_normal_service()
    {
        using var http = Hub.CreateServiceHttpClient("echo");
        var echo = new ServiceApiClient(http);
        Hub.Faults.Add(FaultRule.ServerError("POST", "/gateway/**", 502));

        Api.ServiceFailsWith(502, () => echo.StartExecutionAsync(new StartExecutionRequest { Input = new JObject() }));
        Hub.Faults.Clear();
        var started = await echo.StartExecutionAsync(new StartExecutionRequest { Input = new JObject() });

        Assert.That(started.Id, Is.Not.Null);
        Assert.That(Hub.Faults.Rules, Is.Empty);
    }

    [Test]
    public async Task Rules_given_in_the_options_are_active_from_the_start()
    {
        var (hub, _) = await StartAsync(o => o.Faults.Add(FaultRule.ServerError(null, "/quantum/**", 503, times: 1)));
        await using var _ = hub;
        using var http = hub.CreateQuantumHttpClient();

        Api.FailsWith(503, () => new BackendsClient(http).GetBackendsAsync());
        Assert.DoesNotThrowAsync(() => new BackendsClient(http).GetBackendsAsync());
        Assert.That(hub.Requests.Snapshot().Select(r => r.StatusCode), Is.EqualTo(new[] { 503, 200 }));
    }

    [Test]
    public void Rules_reject_relative_patterns_and_impossible_values()
    {
        Assert.Throws<ArgumentException>(() => _ = new FaultRule(FaultKind.Latency, "quantum/jobs"));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new FaultRule(FaultKind.ServerError, "/x") { StatusCode = 404 });
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new FaultRule(FaultKind.ServerError, "/x") { Probability = 2 });
    }
}
