using KipuHub.Tests.Support;
using KipuHub.Streaming;

namespace KipuHub.Tests.Streaming;

[TestFixture]
public class AtomicFileDownloadTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), "kipuhub-atomic-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task A_complete_download_lands_at_the_path_with_progress()
    {
        var path = Path.Combine(_dir, "out.bin");
        long last = 0;
        var written = await AtomicFileDownload.SaveAsync(new MemoryStream(new byte[200_000]), 200_000, path, false, new SyncProgress<long>(n => last = n), CancellationToken.None);
        Assert.That(written, Is.EqualTo(200_000));
        Assert.That(new FileInfo(path).Length, Is.EqualTo(200_000));
        Assert.That(last, Is.EqualTo(200_000));
        Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(1));
    }

    [Test]
    public void A_stream_that_breaks_midway_leaves_no_file_at_all()
    {
        var path = Path.Combine(_dir, "out.bin");
        var ex = Assert.ThrowsAsync<HubDownloadException>(() => AtomicFileDownload.SaveAsync(new BreakingStream(300_000), null, path, false, null, CancellationToken.None));
        Assert.That(ex!.BytesReceived, Is.GreaterThan(0).And.LessThan(300_000));
        Assert.That(ex.InnerException, Is.InstanceOf<IOException>());
        Assert.That(Directory.GetFiles(_dir), Is.Empty);
    }

    [Test]
    public void A_short_body_against_content_length_fails_and_keeps_an_existing_file_untouched()
    {
        var path = Path.Combine(_dir, "out.bin");
        File.WriteAllText(path, "previous result");
        var ex = Assert.ThrowsAsync<HubDownloadException>(() => AtomicFileDownload.SaveAsync(new MemoryStream(new byte[10]), 20, path, true, null, CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("10 of 20 bytes"));
        Assert.That(File.ReadAllText(path), Is.EqualTo("previous result"));
        Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(1));
    }

    [Test]
    public void An_existing_file_is_not_overwritten_unless_asked()
    {
        var path = Path.Combine(_dir, "out.bin");
        File.WriteAllText(path, "keep");
        var ex = Assert.ThrowsAsync<IOException>(() => AtomicFileDownload.SaveAsync(new MemoryStream([1]), 1, path, false, null, CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("overwrite: true"));
    }

    [Test]
    public void Cancellation_removes_the_temporary_file()
    {
        var path = Path.Combine(_dir, "out.bin");
        using var cts = new CancellationTokenSource();
        var source = new BreakingStream(long.MaxValue, onRead: n => { if (n > 100_000) cts.Cancel(); });
        Assert.CatchAsync<OperationCanceledException>(() => AtomicFileDownload.SaveAsync(source, null, path, false, null, cts.Token));
        Assert.That(Directory.GetFiles(_dir), Is.Empty);
    }

    /// <summary>Yields zero bytes until <c>breakAt</c>, then throws the IOException a reset connection gives.</summary>
    private sealed class BreakingStream(long breakAt, Action<long>? onRead = null) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= breakAt / 2 && breakAt != long.MaxValue) throw new IOException("The response ended prematurely.");
            var n = Math.Min(count, 8192);
            _position += n;
            onRead?.Invoke(_position);
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
