using System.Diagnostics;
using KipuHub.Generated.Platform;
using KipuHub.IntegrationTests.Support;

namespace KipuHub.IntegrationTests.Platform;

/// <summary>Data pool files through the facade's streaming helpers against the emulator: byte-equal, in constant memory.</summary>
[TestFixture]
public class DataPoolTransferTests : PlatformFixture
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;
    private const long MemoryBudget = 32L * 1024 * 1024;

    [Test]
    public async Task A50MegabyteFile_RoundTrips_ByteEqual_InConstantMemory()
    {
        var platform = Platform(OwnerOrg);
        var pool = await platform.DataPools.CreateDataPoolAsync(new CreateDataPoolRequest { Name = "round-trip" });
        var expected = await HashingStream.HashOfAsync(new PatternStream(FiftyMegabytes));
        // Warm up every code path once with a small file, so the measurement sees the transfer, not JIT and first-use setup.
        await RoundTripAsync(platform, pool.Id!, "warm-up.bin", 1024 * 1024, null, null);

        var uploadProgress = new LastValue();
        var downloadProgress = new LastValue();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var workingSetBefore = Process.GetCurrentProcess().WorkingSet64;
        var (file, actual) = await RoundTripAsync(platform, pool.Id!, "fifty.bin", FiftyMegabytes, uploadProgress, downloadProgress);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var workingSetGrowth = Process.GetCurrentProcess().WorkingSet64 - workingSetBefore;

        TestContext.Out.WriteLine($"50 MB upload + download: {allocated / 1024.0 / 1024.0:F2} MB allocated (client and emulator, whole process), working set {workingSetGrowth / 1024.0 / 1024.0:+0.00;-0.00} MB.");
        Assert.That(file.ContentLength, Is.EqualTo(FiftyMegabytes));
        Assert.That(actual, Is.EqualTo(expected), "downloaded bytes hash like the uploaded ones");
        Assert.That(uploadProgress.Value, Is.EqualTo(FiftyMegabytes));
        Assert.That(downloadProgress.Value, Is.EqualTo(FiftyMegabytes));
        Assert.That(allocated, Is.LessThan(MemoryBudget), "nothing on either side holds the file in memory");
    }

    [Test]
    public async Task FromAFile_ToAFile_AppearsComplete_AndNothingElseIsLeft()
    {
        var platform = Platform(OwnerOrg);
        var pool = await platform.DataPools.CreateDataPoolAsync(new CreateDataPoolRequest { Name = "file-to-file" });
        var directory = Directory.CreateTempSubdirectory("kipuhub-it-");
        try
        {
            var source = Path.Combine(directory.FullName, "source.bin");
            await using (var write = File.Create(source))
            {
                await new PatternStream(3_000_000).CopyToAsync(write);
            }

            var file = await platform.DataPools.UploadFileAsync(pool.Id!, source);
            var target = Path.Combine(directory.FullName, "out", "copy.bin");
            var written = await platform.DataPools.DownloadFileAsync(pool.Id!, file.Id!, target);

            Assert.That(file.Name, Is.EqualTo("source.bin"));
            Assert.That(written, Is.EqualTo(3_000_000));
            await using var copy = File.OpenRead(target);
            await using var original = File.OpenRead(source);
            Assert.That(await HashingStream.HashOfAsync(copy), Is.EqualTo(await HashingStream.HashOfAsync(original)));
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(target)!), Is.EqualTo(new[] { target }));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public async Task ACutOffDownload_LeavesNoFile()
    {
        var platform = Platform(OwnerOrg);
        var pool = await platform.DataPools.CreateDataPoolAsync(new CreateDataPoolRequest { Name = "cut-off" });
        var file = await platform.DataPools.UploadFileAsync(pool.Id!, new PatternStream(2_000_000), "big.bin");
        Hub.Faults.Add(new KipuHub.Emulator.Faults.FaultRule(KipuHub.Emulator.Faults.FaultKind.TruncateBody, $"/qc-catalog/datapools/{pool.Id}/files/{file.Id}") { Method = "GET", TruncateAfterBytes = 500_000, Times = 1 });
        var directory = Directory.CreateTempSubdirectory("kipuhub-it-");
        try
        {
            var target = Path.Combine(directory.FullName, "copy.bin");

            var ex = Assert.ThrowsAsync<HubDownloadException>(() => platform.DataPools.DownloadFileAsync(pool.Id!, file.Id!, target));

            Assert.That(ex!.ExpectedBytes, Is.EqualTo(2_000_000));
            Assert.That(ex.BytesReceived, Is.LessThan(2_000_000));
            Assert.That(Directory.GetFileSystemEntries(directory.FullName), Is.Empty);
        }
        finally
        {
            Hub.Faults.Clear();
            directory.Delete(recursive: true);
        }
    }

    private static async Task<(DataPoolFileDto File, string Hash)> RoundTripAsync(HubPlatformClient platform, string poolId, string name, long size, IProgress<long>? up, IProgress<long>? down)
    {
        var file = await platform.DataPools.UploadFileAsync(poolId, new PatternStream(size), name, progress: up);
        using var sink = new HashingStream();
        await platform.DataPools.DownloadFileAsync(poolId, file.Id!, sink, down);
        return (file, sink.Hash());
    }

    /// <summary>Keeps the last reported value, allocation-free and synchronous.</summary>
    private sealed class LastValue : IProgress<long>
    {
        public long Value { get; private set; }

        public void Report(long value) => Value = value;
    }
}
