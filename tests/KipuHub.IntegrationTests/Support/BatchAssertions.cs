using KipuHub.Generated.Quantum;
using KipuHub.Jobs;

namespace KipuHub.Tests.Support;

/// <summary>What a batch must satisfy whatever the faults: no job twice, and each outcome true of the server (shared by the standalone and AddKipuHub fault tests).</summary>
public static class BatchAssertions
{
    /// <summary>Checks the server's jobs of batch <paramref name="batchId"/> against the reported outcomes.</summary>
    public static async Task NoDuplicateAndEveryOutcomeTrueAsync(IHubQuantumClient client, IReadOnlyList<JobSubmission> results, string batchId) =>
        await NoDuplicateAndEveryOutcomeTrueReturningIndicesAsync(client, results, batchId);

    /// <summary>As <see cref="NoDuplicateAndEveryOutcomeTrueAsync"/>, returning the batch indices found on the server.</summary>
    public static async Task<IReadOnlyList<int>> NoDuplicateAndEveryOutcomeTrueReturningIndicesAsync(IHubQuantumClient client, IReadOnlyList<JobSubmission> results, string batchId)
    {
        var tags = new List<string>();
        await foreach (var job in client.GetJobsAsync(pageSize: 200))
        {
            tags.AddRange((job.Tags ?? []).Where(t => t.StartsWith($"kipuhub-batch:{batchId}:", StringComparison.Ordinal)));
        }

        var onServer = tags.Select(t => int.Parse(t.Split(':')[2], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(onServer, Is.Unique, "no submission created two jobs");
        var created = results.Where(r => r.Outcome == JobSubmissionOutcome.Created).Select(r => r.Index).ToList();
        var notSent = results.Where(r => r.Outcome is JobSubmissionOutcome.NotSent or JobSubmissionOutcome.Rejected or JobSubmissionOutcome.NotCreated).Select(r => r.Index).ToList();
        Assert.That(onServer, Is.SupersetOf(created), "every reported job exists");
        Assert.That(onServer.Intersect(notSent), Is.Empty, "nothing reported as not sent, not created or rejected was created");
        Assert.That(results.Where(r => r.Error is not null).Select(r => r.Error).Where(e => e is not HubException).Select(e => e!.GetType().Name).Distinct(), Is.Empty,
            "every failure is a HubException (no raw Polly or transport exception)");
        return onServer;
    }
}
