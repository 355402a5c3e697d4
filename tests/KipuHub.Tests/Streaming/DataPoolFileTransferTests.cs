using System.Net;
using System.Text;
using KipuHub.Generated.Platform;
using KipuHub.Tests.Support;

namespace KipuHub.Tests.Streaming;

[TestFixture]
public class DataPoolFileTransferTests
{
    private const string FileJson = """{"id":"f1","dataPoolId":"pool-1","name":"data.bin","contentLength":300000}""";

    [Test]
    public async Task Upload_FromAStream_SendsOneMultipartFilePart_ReportsProgress_AndLeavesTheStreamOpen()
    {
        var payload = PatternStream.Bytes(300_000);
        byte[]? sent = null;
        HttpRequestMessage? seen = null;
        var handler = new DelegateHandler(async (request, ct) =>
        {
            seen = request;
            sent = await request.Content!.ReadAsByteArrayAsync(ct);
            return StubHandler.Json(HttpStatusCode.Created, FileJson);
        });
        using var client = Hub.Platform(handler, o => o.OrganizationId = "org-1");
        using var source = new MemoryStream(payload);
        var progress = new RecordingProgress();

        var file = await client.DataPools.UploadFileAsync("pool-1", source, "data.bin", "application/x-test", progress);

        Assert.That(file.Id, Is.EqualTo("f1"));
        Assert.That(seen!.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(seen.RequestUri!.PathAndQuery, Is.EqualTo("/qc-catalog/datapools/pool-1/files?filename=data.bin"));
        Assert.That(seen.Content!.Headers.ContentType!.MediaType, Is.EqualTo("multipart/form-data"));
        var text = Encoding.Latin1.GetString(sent!);
        Assert.That(text, Does.Contain("name=file").And.Contain("filename=data.bin").And.Contain("Content-Type: application/x-test"));
        Assert.That(sent.AsSpan().IndexOf(payload), Is.GreaterThan(0), "the bytes travel unchanged");
        Assert.That(progress.Last, Is.EqualTo(payload.Length));
        Assert.That(progress.IsIncreasing(), Is.True);
        Assert.That(source.CanRead, Is.True, "the caller's stream is not disposed");
    }

    [Test]
    public async Task Upload_ReadsTheSourceOnlyAsTheTransportConsumesIt()
    {
        const long size = 64L * 1024 * 1024;
        var source = new PatternStream(size);
        long readBeforeSending = -1, readAfterFirstChunk = -1, received = 0;
        var handler = new DelegateHandler(async (request, ct) =>
        {
            readBeforeSending = source.BytesRead;
            // CopyToAsync is how a real transport (SocketsHttpHandler) sends a body: it pushes, chunk by chunk.
            var sink = new SinkStream(onWrite: total =>
            {
                if (readAfterFirstChunk < 0 && total >= 64 * 1024)
                {
                    readAfterFirstChunk = source.BytesRead;
                }
            });
            await request.Content!.CopyToAsync(sink, ct);
            received = sink.Total;
            return StubHandler.Json(HttpStatusCode.Created, FileJson);
        });
        using var client = Hub.Platform(handler);

        await client.DataPools.UploadFileAsync("pool-1", source, "big.bin");

        Assert.That(readBeforeSending, Is.Zero, "nothing read the file before the transport asked for it");
        Assert.That(readAfterFirstChunk, Is.LessThan(1024 * 1024), "the source is read in step with the transport, not buffered whole");
        Assert.That(received, Is.GreaterThan(size));
        Assert.That(source.BytesRead, Is.EqualTo(size));
    }

    [Test]
    public async Task Upload_FromAPath_NamesTheFileAfterIt_AndClosesIt()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "measurements.csv");
        await File.WriteAllBytesAsync(path, PatternStream.Bytes(100_000));
        string? sentText = null;
        var handler = new DelegateHandler(async (request, ct) =>
        {
            sentText = Encoding.Latin1.GetString(await request.Content!.ReadAsByteArrayAsync(ct));
            return StubHandler.Json(HttpStatusCode.OK, FileJson);
        });
        using var client = Hub.Platform(handler);
        var progress = new RecordingProgress();

        await client.DataPools.UploadFileAsync("pool-1", path, "text/csv", progress);

        Assert.That(sentText, Does.Contain("filename=measurements.csv").And.Contain("Content-Type: text/csv"));
        Assert.That(progress.Last, Is.EqualTo(100_000));
        Assert.That(() => File.Delete(path), Throws.Nothing, "the file handle is released");
    }

    [Test]
    public void Upload_Refusal_IsTheFacadesError()
    {
        var handler = new DelegateHandler((_, _) => Task.FromResult(StubHandler.Json(HttpStatusCode.Conflict, """{"message":"a file named data.bin exists"}""")));
        using var client = Hub.Platform(handler);

        var ex = Assert.CatchAsync<ConflictException>(() => client.DataPools.UploadFileAsync("pool-1", new MemoryStream([1, 2, 3]), "data.bin"));

        Assert.That(ex!.Message, Does.Contain("DataPools.AddDataPoolFileAsync").And.Contain("a file named data.bin exists"));
    }

    [Test]
    public async Task Download_ToAStream_CopiesEveryByte_WithProgress()
    {
        const int size = 500_000;
        using var client = Hub.Platform(FileServer(size));
        using var destination = new MemoryStream();
        var progress = new RecordingProgress();

        var written = await client.DataPools.DownloadFileAsync("pool-1", "f1", destination, progress);

        Assert.That(written, Is.EqualTo(size));
        Assert.That(destination.ToArray(), Is.EqualTo(PatternStream.Bytes(size)));
        Assert.That(progress.Last, Is.EqualTo(size));
        Assert.That(progress.IsIncreasing(), Is.True);
    }

    [Test]
    public async Task Download_ToAFile_AppearsWhenComplete_WithNothingElseLeft()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "sub", "copy.bin");
        using var client = Hub.Platform(FileServer(200_000));
        var progress = new RecordingProgress();

        var written = await client.DataPools.DownloadFileAsync("pool-1", "f1", path, progress: progress);

        Assert.That(written, Is.EqualTo(200_000));
        Assert.That(await File.ReadAllBytesAsync(path), Is.EqualTo(PatternStream.Bytes(200_000)));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!), Is.EqualTo(new[] { path }), "no temporary file remains");
        Assert.That(progress.Last, Is.EqualTo(200_000));
    }

    [Test]
    public void Download_ToAFile_CutOff_LeavesNoFile()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "copy.bin");
        using var client = Hub.Platform(FileServer(1_000_000, failAfter: 300_000));

        var ex = Assert.ThrowsAsync<HubDownloadException>(() => client.DataPools.DownloadFileAsync("pool-1", "f1", path));

        Assert.That(ex!.BytesReceived, Is.EqualTo(300_000));
        Assert.That(ex.ExpectedBytes, Is.EqualTo(1_000_000));
        Assert.That(ex, Is.InstanceOf<HubException>());
        Assert.That(File.Exists(path), Is.False);
        Assert.That(Directory.GetFileSystemEntries(dir.Path), Is.Empty, "the partial data was deleted");
    }

    [Test]
    public void Download_ToAFile_ShorterThanAnnounced_LeavesNoFile()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "copy.bin");
        using var client = Hub.Platform(FileServer(1000, announced: 2000));

        var ex = Assert.ThrowsAsync<HubDownloadException>(() => client.DataPools.DownloadFileAsync("pool-1", "f1", path));

        Assert.That(ex!.Message, Does.Contain("1000 of 2000"));
        Assert.That(Directory.GetFileSystemEntries(dir.Path), Is.Empty);
    }

    [Test]
    public void Download_ToAStream_CutOff_SaysHowFarItGot()
    {
        using var client = Hub.Platform(FileServer(1_000_000, failAfter: 250_000));
        using var destination = new MemoryStream();

        var ex = Assert.ThrowsAsync<HubDownloadException>(() => client.DataPools.DownloadFileAsync("pool-1", "f1", destination));

        Assert.That(ex!.BytesReceived, Is.EqualTo(250_000));
        Assert.That(ex.InnerException, Is.InstanceOf<IOException>());
        Assert.That(ex.Message, Does.Contain("250000 bytes of 1000000"));
    }

    [Test]
    public void Download_ToAnExistingFile_IsRefusedBeforeAnyRequest_UnlessOverwriting()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("copy.bin", "old");
        var handler = FileServer(10);
        using var client = Hub.Platform(handler);

        Assert.That(() => client.DataPools.DownloadFileAsync("pool-1", "f1", path), Throws.InstanceOf<IOException>().With.Message.Contains("overwrite"));
        Assert.That(handler.Calls, Is.Zero);
        Assert.That(async () => await client.DataPools.DownloadFileAsync("pool-1", "f1", path, overwrite: true), Throws.Nothing);
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(PatternStream.Bytes(10)));
    }

    [Test]
    public void Download_OfAMissingFile_IsNotFound_AndCreatesNothing()
    {
        using var dir = new TempDirectory();
        var handler = new DelegateHandler((_, _) => Task.FromResult(StubHandler.Json(HttpStatusCode.NotFound, """{"message":"no file f9"}""")));
        using var client = Hub.Platform(handler);

        Assert.ThrowsAsync<NotFoundException>(() => client.DataPools.DownloadFileAsync("pool-1", "f9", Path.Combine(dir.Path, "x.bin")));
        Assert.That(Directory.GetFileSystemEntries(dir.Path), Is.Empty);
    }

    /// <summary>Serves <paramref name="size"/> pattern bytes as a file, optionally dropping the connection or announcing another length.</summary>
    private static DelegateHandler FileServer(long size, long? failAfter = null, long? announced = null) => new((request, _) =>
    {
        Assert.That(request.RequestUri!.AbsolutePath, Does.StartWith("/qc-catalog/datapools/pool-1/files/"));
        var content = new StreamContent(new PatternStream(size, failAfter));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        content.Headers.ContentLength = announced ?? size;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
    });

    /// <summary>A write-only stream that discards what it gets and reports the running total.</summary>
    private sealed class SinkStream(Action<long> onWrite) : Stream
    {
        public long Total { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Total;

        public override long Position
        {
            get => Total;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Total += buffer.Length;
            onWrite(Total);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
