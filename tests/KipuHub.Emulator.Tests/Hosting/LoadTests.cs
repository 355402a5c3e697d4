using System.Diagnostics;
using KipuHub.Emulator.Tests.Support;
using KipuHub.Generated.Quantum;

namespace KipuHub.Emulator.Tests.Hosting;

[TestFixture]
public class LoadTests
{
    [Test]
    public async Task A_thousand_concurrent_submissions_are_all_accounted_for()
    {
        var (hub, time) = await EmulatorTestBase.StartAsync();
        await using var _ = hub;
        using var http = hub.CreateQuantumHttpClient();
        var jobs = new JobsClient(http);

        var created = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i =>
        {
            var request = i % 2 == 0 ? Circuits.IonqBell(shots: 100) : Circuits.QasmBell(shots: 100);
            request.Name = $"load-{i}";
            return jobs.CreateJobAsync(request);
        }));
        time.Advance(EmulatorTestBase.LongEnough);
        var listed = await jobs.SearchJobsAsync(size: 1000);

        var ids = created.Select(j => j.Id).ToHashSet();
        Assert.That(ids, Has.Count.EqualTo(1000));
        Assert.That(created.Select(j => j.Name).Distinct().Count(), Is.EqualTo(1000));
        Assert.That(listed.TotalElements, Is.EqualTo(1000));
        Assert.That(listed.Content!.Select(j => j.Id).ToHashSet().SetEquals(ids), Is.True);
        Assert.That(listed.Content!.All(j => j.Status == JobStatus.Completed), Is.True);
        Assert.That(hub.Requests.CountOf("POST", "/quantum/jobs"), Is.EqualTo(1000));
    }

    [Test]
    public async Task A_100_MB_result_streams_in_chunks_without_buffering()
    {
        const long size = 100L * 1024 * 1024;
        var (hub, time) = await EmulatorTestBase.StartAsync();
        await using var _ = hub;
        using var http = hub.CreateQuantumHttpClient();
        var jobs = new JobsClient(http);
        var request = Circuits.QasmBell();
        request.InputParams = new JobInputParams { AdditionalProperties = { ["emulator_result_bytes"] = size } };
        var job = await jobs.CreateJobAsync(request);
        time.Advance(EmulatorTestBase.LongEnough);

        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        using var response = await jobs.GetJobResultStreamAsync(job.Id!);
        var buffer = new byte[81920];
        long total = 0;
        var head = new List<byte>();
        byte last = 0;
        int read;
        while ((read = await response.Stream.ReadAsync(buffer)) > 0)
        {
            if (head.Count < 16)
            {
                head.AddRange(buffer.Take(Math.Min(read, 16)));
            }

            total += read;
            last = buffer[read - 1];
        }

        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        TestContext.Out.WriteLine($"streamed {total} bytes in {clock.Elapsed.TotalMilliseconds:0} ms, {allocated / 1024 / 1024} MB allocated");
        Assert.That(total, Is.EqualTo(size));
        Assert.That(System.Text.Encoding.ASCII.GetString(head.ToArray()), Does.StartWith("{\"job_id\":"));
        Assert.That(last, Is.EqualTo((byte)'}'));
        Assert.That(allocated, Is.LessThan(32L * 1024 * 1024), "neither side buffers the 100 MB");
    }
}
