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

    [Test]
    public async Task Drain_StopsAccepting_WaitsForEveryJobOfTheSession_ThenCloses()
    {
        using var client = QuantumClient();
        await using var session = await OpenAsync(client);
        await session.SubmitJobsAsync([Circuits.BellQasm(), Circuits.BellQasm()]);
        var outside = await client.SubmitJobAsync(InSession(session.Id));
        Hub.Requests.Clear();

        var jobs = await session.DrainAsync(Fast);

        Assert.That(jobs.Select(j => j.Id), Is.EquivalentTo(session.JobIds.Append(outside.Id)), "the jobs submitted with the client and a SessionId too");
        Assert.That(jobs.Select(j => j.Status), Is.All.EqualTo(JobStatus.Completed));
        Assert.That(session.Session.Status, Is.EqualTo(SessionStatus.Closed));
        var order = Hub.Requests.Snapshot().Where(r => r.Path.Contains("/sessions/", StringComparison.Ordinal)).Select(r => $"{r.Method} {r.Path.Replace(session.Id, "{id}", StringComparison.Ordinal)}").Distinct().ToList();
        Assert.That(order, Is.EqualTo(new[] { "PATCH /quantum/sessions/{id}", "GET /quantum/sessions/{id}/jobs", "POST /quantum/sessions/{id}/close" }), "stop accepting, wait, close");
        var log = Hub.Requests.Snapshot().ToList();
        Assert.That(log.FindLastIndex(r => r.Path.StartsWith("/quantum/jobs/", StringComparison.Ordinal)), Is.LessThan(log.FindIndex(r => r.Path.EndsWith("/close", StringComparison.Ordinal))), "closed after the last poll");
        Assert.ThrowsAsync<HubSessionExpiredException>(() => session.SubmitJobAsync(Circuits.BellQasm()));
    }

    [Test]
    public async Task Drain_TellsTheHubToStopAccepting_SoOtherSubmittersAreRefused()
    {
        using var client = QuantumClient();
        await using var session = await OpenAsync(client);
        await session.SubmitJobAsync(Circuits.BellQasm());
        var drain = session.DrainAsync(Fast, CancellationToken.None);
        var refusedLocally = Assert.ThrowsAsync<HubSessionExpiredException>(() => session.SubmitJobAsync(Circuits.BellQasm()));
        Assert.That(refusedLocally!.Message, Does.Contain("drained"));
        var posts = Hub.Requests.CountOf("POST", "/quantum/jobs");

        await drain;

        Assert.That(Hub.Requests.CountOf("POST", "/quantum/jobs"), Is.EqualTo(posts), "the refused submission sent nothing");
        var other = Assert.ThrowsAsync<UnprocessableEntityException>(() => client.SubmitJobAsync(InSession(session.Id)));
        Assert.That(other!.Message, Does.Contain(session.Id), "the Hub refuses jobs into the drained session too");
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
