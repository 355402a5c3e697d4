using KipuHub.Emulator.Faults;
using KipuHub.Generated.Quantum;
using KipuHub.Jobs;

namespace KipuHub.IntegrationTests;

/// <summary>HubSession.SubmitJobsAsync and a WaitForJobsAsync that sees every job of the session (issue 13 #7).</summary>
[TestFixture]
[NonParallelizable]
public class SessionBatchTests : EmulatorFixture
{
    [Test]
    public async Task WaitForJobs_SeesJobsSubmittedWithTheClientAndASessionId()
    {
        using var client = QuantumClient();
        await using var session = await OpenAsync(client);

        var batch = await client.SubmitJobsAsync([InSession(session.Id), InSession(session.Id)]);
        var single = await client.SubmitJobAsync(InSession(session.Id));

        var jobs = await session.WaitForJobsAsync(Fast);

        Assert.That(session.JobIds, Is.Empty, "nothing went through the session object");
        Assert.That(jobs.Select(j => j.Id), Is.EquivalentTo(batch.Select(b => b.Job!.Id).Append(single.Id)));
        Assert.That(jobs.All(j => j.Status == JobStatus.Completed && j.SessionId == session.Id), Is.True);
    }

    [Test]
    public async Task SubmitJobs_PutsEveryJobInTheSession_WithoutChangingTheCallersRequests()
    {
        using var client = QuantumClient();
        await using var session = await OpenAsync(client);
        var requests = new[] { Circuits.BellQasm(), Circuits.BellQasm(), Circuits.BellQasm() };

        var results = await session.SubmitJobsAsync(requests, new JobBatchOptions { MaxConcurrency = 2 });
        await session.SubmitJobAsync(Circuits.BellQasm());

        Assert.That(results.Select(r => r.Outcome), Is.All.EqualTo(JobSubmissionOutcome.Created));
        Assert.That(results.Select(r => r.Job!.SessionId), Is.All.EqualTo(session.Id));
        Assert.That(requests.Select(r => r.SessionId), Is.All.Null, "the caller's requests are not changed");
        Assert.That(session.JobIds, Has.Count.EqualTo(4));
        Assert.That(session.JobIds.Take(3), Is.EqualTo(results.Select(r => r.Job!.Id)), "in the order given");
        var jobs = await session.WaitForJobsAsync(Fast);
        Assert.That(jobs.Select(j => j.Id), Is.EquivalentTo(session.JobIds));
        Assert.That((await client.Sessions.GetJobsBySessionAsync(session.Id)).Count, Is.EqualTo(4));
    }

    [Test]
    public async Task SubmitJobs_IsExactlyOnce_AFailedPostIsReportedNotRepeated()
    {
        using var client = QuantumClient(maxRetries: 3);
        await using var session = await OpenAsync(client);
        Hub.Requests.Clear();
        Hub.Faults.Add(FaultRule.ServerError("POST", "/quantum/jobs", 503, times: 1));

        var results = await session.SubmitJobsAsync([Circuits.BellQasm(), Circuits.BellQasm(), Circuits.BellQasm()], new JobBatchOptions { MaxConcurrency = 1 });

        Assert.That(Hub.Requests.CountOf("POST", "/quantum/jobs"), Is.EqualTo(3), "one POST per request, none repeated");
        Assert.That(results.Count(r => r.Outcome == JobSubmissionOutcome.Created), Is.EqualTo(2));
        Assert.That(results.Single(r => r.Outcome != JobSubmissionOutcome.Created).Error, Is.InstanceOf<HubApiException>());
        Assert.That(session.JobIds, Has.Count.EqualTo(2), "only created jobs are recorded");
        Assert.That((await session.WaitForJobsAsync(Fast)).Select(j => j.Id), Is.EquivalentTo(session.JobIds));
    }

    [Test]
    public async Task WaitForJobs_OfAnEmptySession_ReturnsNoJobs()
    {
        using var client = QuantumClient();
        await using var session = await OpenAsync(client);

        Assert.That(await session.WaitForJobsAsync(Fast), Is.Empty);
    }

    private static Task<Sessions.HubSession> OpenAsync(HubQuantumClient client) =>
        client.OpenSessionAsync(new CreateSessionRequest { BackendId = "aws.sim.sv1", Mode = SessionMode.Batch, Provider = SessionProvider.Aws, Ttl = 900 });

    private static CreateJobRequest InSession(string sessionId)
    {
        var request = Circuits.BellQasm();
        request.SessionId = sessionId;
        return request;
    }
}
