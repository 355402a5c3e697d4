using KipuHub.Emulator;
using KipuHub.Emulator.Faults;
using KipuHub.Generated.Quantum;
using KipuHub.Jobs;
using KipuHub.Tests.Support;

namespace KipuHub.Extensions.DependencyInjection.Tests.Resilience;

/// <summary>
/// Issue 12 item 5 under AddKipuHub: 1,000 submissions with 40 % transient faults on the job POST, and thousands of
/// requests in flight at once, go through the standard resilience pipeline without a duplicate job, without a raw
/// Polly exception, and without requests refused by the pipeline's own defaults.
/// </summary>
[TestFixture]
[NonParallelizable]
public class FaultInjectedBatchTests : FreshEmulatorFixture
{
    [Test]
    public async Task A_thousand_submissions_with_40_percent_transient_faults_create_no_duplicate_and_are_never_refused_by_the_breaker()
    {
        await using var provider = Emulators.Services().AddKipuHub(Emulators.Configure(Hub, o => o.OrganizationId = Hub.OrganizationIds[1])).Services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHubQuantumClient>();
        Hub.Faults.Add(new FaultRule(FaultKind.ServerError, "/quantum/jobs") { Method = "POST", Probability = 0.2, StatusCode = 503 });
        Hub.Faults.Add(new FaultRule(FaultKind.ResetConnection, "/quantum/jobs") { Method = "POST", Probability = 0.1 });
        Hub.Faults.Add(new FaultRule(FaultKind.ResetAfterHandling, "/quantum/jobs") { Method = "POST", Probability = 0.1 });
        var before = Hub.Requests.CountOf("POST", "/quantum/jobs");

        var results = await client.SubmitJobsAsync(Enumerable.Range(0, 1000).Select(_ => TestJobs.BellJob()), new JobBatchOptions { MaxConcurrency = 16, BatchId = "di-faults" });
        Hub.Faults.Clear();

        Assert.That(Hub.Requests.CountOf("POST", "/quantum/jobs") - before, Is.EqualTo(1000), "every submission POSTed exactly once: the pipeline never retries a job POST");
        await BatchAssertions.NoDuplicateAndEveryOutcomeTrueAsync(client, results, "di-faults");
        Assert.That(results.Count(r => r.Outcome == JobSubmissionOutcome.NotSent), Is.Zero, "a 40 % transient rate does not open the default circuit breaker");
        Assert.That(results.Count(r => r.Outcome == JobSubmissionOutcome.Created), Is.InRange(450, 750), "about 60 % succeed");
    }

    [Test]
    public async Task Two_thousand_requests_in_flight_are_queued_by_the_default_limiter_not_refused()
    {
        await using var provider = Emulators.Services().AddKipuHub(Emulators.Configure(Hub)).Services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHubQuantumClient>();
        var job = await client.Jobs.CreateJobAsync(TestJobs.BellJob());
        // Each status answer is held back a little, so the requests really are in flight together.
        Hub.Faults.Add(FaultRule.Latency("GET", "/quantum/jobs/*/status", TimeSpan.FromMilliseconds(200)));

        var polls = await Task.WhenAll(Enumerable.Range(0, 2000).Select(async _ =>
        {
            try
            {
                await client.Jobs.GetJobStatusAsync(job.Id!);
                return null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        }));

        Assert.That(polls.Where(e => e is not null).Select(e => e!.GetType().Name).Distinct(), Is.Empty, "none refused (HubRequestNotSentException) and none raw (RateLimiterRejectedException)");
    }
}
