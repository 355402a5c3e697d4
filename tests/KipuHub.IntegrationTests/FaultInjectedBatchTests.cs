using KipuHub.Emulator.Faults;
using KipuHub.Jobs;
using KipuHub.Tests.Support;

namespace KipuHub.IntegrationTests;

/// <summary>
/// Issue 12 item 5 for a standalone client: 1,000 submissions with 40 % transient faults on the job POST (before and
/// after the server acts), with the SDK's own retries on: no job twice, each outcome true of the server, every failure a
/// HubException, and a submission that never reached the Hub reported as not sent.
/// </summary>
[TestFixture]
[NonParallelizable]
public class FaultInjectedBatchTests : EmulatorFixture
{
    [Test]
    public async Task A_thousand_submissions_with_40_percent_transient_faults_create_no_duplicate_job()
    {
        using var client = QuantumClient(Hub.OrganizationIds[1], maxRetries: 3);
        Hub.Faults.Add(new FaultRule(FaultKind.ServerError, "/quantum/jobs") { Method = "POST", Probability = 0.2, StatusCode = 503 });
        Hub.Faults.Add(new FaultRule(FaultKind.ResetConnection, "/quantum/jobs") { Method = "POST", Probability = 0.1 });
        Hub.Faults.Add(new FaultRule(FaultKind.ResetAfterHandling, "/quantum/jobs") { Method = "POST", Probability = 0.1 });
        var before = Hub.Requests.CountOf("POST", "/quantum/jobs");

        var results = await client.SubmitJobsAsync(Enumerable.Range(0, 1000).Select(_ => Circuits.Bell(shots: 1)), new JobBatchOptions { MaxConcurrency = 16, BatchId = "standalone-faults" });
        Hub.Faults.Clear();

        Assert.That(Hub.Requests.CountOf("POST", "/quantum/jobs") - before, Is.EqualTo(1000), "every submission POSTed exactly once");
        await BatchAssertions.NoDuplicateAndEveryOutcomeTrueAsync(client, results, "standalone-faults");
        TestContext.Out.WriteLine(string.Join(", ", results.GroupBy(r => r.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
    }
}
