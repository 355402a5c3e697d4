using KipuHub.Generated.Quantum;
using KipuHub.Generated.Tests.Support;

namespace KipuHub.Generated.Tests.Quantum;

[TestFixture]
public class WorkloadsClientTests : GeneratedClientTestBase
{
    protected override string BaseAddress => MockHub.QuantumBase;

    [Test]
    public async Task GetWorkloads_sends_paging_and_repeated_sort_and_maps_the_page()
    {
        Expect(HttpMethod.Get, "workloads", "page=2&size=10&sort=created_at%2Cdesc&sort=id%2Casc").Respond(_ => Json("""
            {"content":[{"type":"JOB","id":"j1","backend_id":"aws.sim.sv1","provider":"AWS","status":"RUNNING","sdk_provider":"CLIENT","created_at":"2026-11-24T08:00:00Z"},
                        {"type":"SESSION","id":"s1","status":"OPEN"}],
             "page":2,"size":10,"total_elements":22,"total_pages":3}
            """));

        var page = await new WorkloadsClient(Hub.Http).GetWorkloadsAsync(2, 10, ["created_at,desc", "id,asc"]);

        Assert.That(page.Page, Is.EqualTo(2));
        Assert.That(page.Size, Is.EqualTo(10));
        Assert.That(page.TotalElements, Is.EqualTo(22));
        Assert.That(page.TotalPages, Is.EqualTo(3));
        Assert.That(page.Content!.Select(w => w.Type), Is.EqualTo(new[] { WorkloadType.Job, WorkloadType.Session }));
        Assert.That(page.Content!.First().Status, Is.EqualTo("RUNNING"));
        Assert.That(page.Content!.First().SdkProvider, Is.EqualTo(JobSdkProvider.Client));
    }
}
