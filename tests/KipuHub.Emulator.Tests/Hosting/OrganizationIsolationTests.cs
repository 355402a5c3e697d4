using KipuHub.Emulator.Tests.Support;
using KipuHub.Generated.Quantum;

namespace KipuHub.Emulator.Tests.Hosting;

[TestFixture]
public class OrganizationIsolationTests : EmulatorTestBase
{
    protected override void Configure(KipuHubEmulatorOptions options)
    {
        options.Users.Add(new EmulatorUser("alice", "alice-token"));
        options.Users.Add(new EmulatorUser("carol", "carol-token"));
    }

    [Test]
    public async Task An_organizations_jobs_are_invisible_to_other_organizations_and_to_personal_contexts()
    {
        using var acme = ClientFor("org-acme");
        using var demo = ClientFor("org-kipu-demo");
        using var personal = ClientFor();
        var job = await new JobsClient(acme).CreateJobAsync(Circuits.IonqBell());
        Advance(LongEnough);

        foreach (var other in new[] { new JobsClient(demo), new JobsClient(personal) })
        {
            Api.FailsWith(404, () => other.GetJobAsync(job.Id!));
            Api.FailsWith(404, () => other.GetJobStatusAsync(job.Id!));
            Api.FailsWith(404, () => other.GetJobResultAsync(job.Id!));
            Api.FailsWith(404, () => other.GetJobResultStreamAsync(job.Id!));
            Api.FailsWith(404, () => other.GetJobInputAsync(job.Id!));
            Api.FailsWith(404, () => other.CancelJobAsync(job.Id!));
            Assert.That((await other.SearchJobsAsync()).Content!.Select(j => j.Id), Does.Not.Contain(job.Id));
        }

        Assert.That((await new JobsClient(acme).GetJobAsync(job.Id!)).Status, Is.EqualTo(JobStatus.Completed));
    }

    [Test]
    public async Task Sessions_and_workloads_are_scoped_the_same_way_and_users_do_not_see_each_other()
    {
        using var acme = ClientFor("org-acme");
        using var alice = ClientFor(token: "alice-token");
        using var carol = ClientFor(token: "carol-token");
        var session = await new SessionsClient(acme).CreateSessionAsync(new CreateSessionRequest { BackendId = "aws.sim.sv1", Mode = SessionMode.Batch, Provider = SessionProvider.Aws });
        var alicesJob = await new JobsClient(alice).CreateJobAsync(Circuits.IonqBell());

        Api.FailsWith(404, () => new SessionsClient(alice).GetSessionAsync(session.Id!));
        Api.FailsWith(404, () => new SessionsClient(alice).CloseSessionAsync(session.Id!));
        Api.FailsWith(404, () => new JobsClient(alice).CreateJobAsync(Circuits.QasmBell(sessionId: session.Id)));
        Api.FailsWith(404, () => new JobsClient(carol).GetJobAsync(alicesJob.Id!));
        var carolsWorkloads = await new WorkloadsClient(carol).GetWorkloadsAsync();
        var acmeWorkloads = await new WorkloadsClient(acme).GetWorkloadsAsync();

        Assert.That(carolsWorkloads.TotalElements, Is.Zero);
        Assert.That(acmeWorkloads.Content!.Select(w => w.Id), Does.Contain(session.Id).And.Not.Contain(alicesJob.Id));
    }
}
