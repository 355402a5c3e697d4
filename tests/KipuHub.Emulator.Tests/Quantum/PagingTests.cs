using KipuHub.Emulator.Tests.Support;
using KipuHub.Generated.Quantum;

namespace KipuHub.Emulator.Tests.Quantum;

[TestFixture]
public class PagingTests
{
    [Test]
    public async Task Jobs_page_zero_based_with_totals_and_newest_first_by_default()
    {
        var (hub, time) = await EmulatorTestBase.StartAsync();
        await using var _ = hub;
        using var http = hub.CreateQuantumHttpClient();
        var jobs = new JobsClient(http);
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var request = Circuits.IonqBell(shots: 100 + i);
            request.Name = $"job-{i}";
            ids.Add((await jobs.CreateJobAsync(request)).Id!);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await jobs.SearchJobsAsync(page: 0, size: 3);
        var last = await jobs.SearchJobsAsync(page: 2, size: 3);
        var beyond = await jobs.SearchJobsAsync(page: 5, size: 3);
        var byDefault = await jobs.SearchJobsAsync();

        Assert.That(first.TotalElements, Is.EqualTo(7));
        Assert.That(first.TotalPages, Is.EqualTo(3));
        Assert.That(first.Page, Is.EqualTo(0));
        Assert.That(first.Size, Is.EqualTo(3));
        Assert.That(first.Content!.Select(j => j.Id), Is.EqualTo(new[] { ids[6], ids[5], ids[4] }));
        Assert.That(last.Content!.Select(j => j.Id), Is.EqualTo(new[] { ids[0] }));
        Assert.That(beyond.Content, Is.Empty);
        Assert.That(byDefault.Size, Is.EqualTo(20));
        Assert.That(byDefault.Content, Has.Count.EqualTo(7));
    }

    [Test]
    public async Task Jobs_sort_by_several_fields_in_either_direction()
    {
        var (hub, _) = await EmulatorTestBase.StartAsync();
        await using var __ = hub;
        using var http = hub.CreateQuantumHttpClient();
        var jobs = new JobsClient(http);
        foreach (var (name, shots) in new[] { ("b", 300), ("a", 100), ("c", 100), ("a", 200) })
        {
            var request = Circuits.IonqBell(shots);
            request.Name = name;
            await jobs.CreateJobAsync(request);
        }

        var byShots = await jobs.SearchJobsAsync(sort: ["shots,asc", "name,desc"]);
        var byName = await jobs.SearchJobsAsync(sort: ["name", "shots,desc"]);

        Assert.That(byShots.Content!.Select(j => (j.Shots!.Value, j.Name!)), Is.EqualTo(new[] { (100, "c"), (100, "a"), (200, "a"), (300, "b") }));
        Assert.That(byName.Content!.Select(j => (j.Name!, j.Shots!.Value)), Is.EqualTo(new[] { ("a", 200), ("a", 100), ("b", 300), ("c", 100) }));
        Api.FailsWith(400, () => jobs.SearchJobsAsync(sort: ["colour,asc"]));
        Api.FailsWith(400, () => jobs.SearchJobsAsync(sort: ["name,upwards"]));
        Api.FailsWith(400, () => jobs.SearchJobsAsync(size: 0));
        Api.FailsWith(400, () => jobs.SearchJobsAsync(page: -1));
        Api.FailsWith(400, () => jobs.SearchJobsAsync(size: 5000));
    }
}
