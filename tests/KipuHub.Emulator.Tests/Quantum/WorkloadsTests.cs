using KipuHub.Emulator.Tests.Support;
using KipuHub.Generated.Quantum;

namespace KipuHub.Emulator.Tests.Quantum;

[TestFixture]
public class WorkloadsTests
{
    [Test]
    public async Task Workloads_list_jobs_and_sessions_in_one_page()
    {
        var (hub, time) = await EmulatorTestBase.StartAsync();
        await using var _ = hub;
        using var http = hub.CreateQuantumHttpClient();
        var session = await new SessionsClient(http).CreateSessionAsync(new CreateSessionRequest { BackendId = "aws.sim.sv1", Mode = SessionMode.Batch, Provider = SessionProvider.Aws });
        time.Advance(TimeSpan.FromSeconds(1));
        var job = await new JobsClient(http).CreateJobAsync(Circuits.QasmBell(sessionId: session.Id));
        time.Advance(TimeSpan.FromSeconds(1));
        await new JobsClient(http).CreateJobAsync(Circuits.IonqBell());
        var workloads = new WorkloadsClient(http);

        var page = await workloads.GetWorkloadsAsync();
        var oldestFirst = await workloads.GetWorkloadsAsync(sort: ["created_at,asc"]);
        var secondPage = await workloads.GetWorkloadsAsync(page: 1, size: 2, sort: ["type,desc"]);

        Assert.That(page.TotalElements, Is.EqualTo(3));
        Assert.That(page.Content!.Count(w => w.Type == WorkloadType.Session), Is.EqualTo(1));
        Assert.That(page.Content!.Count(w => w.Type == WorkloadType.Job), Is.EqualTo(2));
        Assert.That(oldestFirst.Content!.First().Id, Is.EqualTo(session.Id));
        Assert.That(oldestFirst.Content!.Single(w => w.Id == job.Id).SessionId, Is.EqualTo(session.Id));
        Assert.That(oldestFirst.Content!.First().Status, Is.EqualTo("INACTIVE"), "its only job has ended");
        Assert.That(secondPage.TotalPages, Is.EqualTo(2));
        Assert.That(secondPage.Content!.Single().Type, Is.EqualTo(WorkloadType.Job));
    }
}
