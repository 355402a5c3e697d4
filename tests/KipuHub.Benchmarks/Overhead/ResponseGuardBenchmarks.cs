using System.Net;
using BenchmarkDotNet.Attributes;
using KipuHub.Http.Internal;

namespace KipuHub.Benchmarks.Overhead;

/// <summary>
/// What the hostile-server body guard (<see cref="GuardedResponseContent"/>, applied by <see cref="ResponseHintsHandler"/>)
/// costs per response that comes off a transport: a 407 B job body with Kestrel's content headers, read as a stream to
/// the end, unguarded vs guarded; once with every read completing at once (the body already buffered, as a small
/// response over loopback usually is) and once with the first read pending (the body still on its way). A profiling aid
/// (<c>--guard</c>), not a published figure: the in-memory per-call benchmarks answer with a ByteArrayContent, which
/// the guard leaves alone, so only the socket sections pay it.
/// </summary>
[MemoryDiagnoser]
public class ResponseGuardBenchmarks
{
    private static readonly Uri Uri = new("http://127.0.0.1:5000/quantum/jobs/0b6a2c1e-4a5e-4f6c-9d55-2f3c1d7e9a10");
    private readonly byte[] _buffer = new byte[4096];
    private byte[] _body = null!;
    private HttpRequestMessage _request = null!;

    [Params(false, true)]
    public bool FirstReadPending { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        _body = CannedResponses.Instance.Job;
        _request = new HttpRequestMessage(HttpMethod.Get, Uri);
    }

    [Benchmark(Baseline = true)]
    public Task<int> Unguarded() => ReadAsync(guard: false);

    [Benchmark]
    public Task<int> Guarded() => ReadAsync(guard: true);

    private async Task<int> ReadAsync(bool guard)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = _request };
        var content = new StreamContent(new SourceStream(_body, FirstReadPending));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        content.Headers.TryAddWithoutValidation("Content-Length", "407");
        response.Content = content;
        if (guard) GuardedResponseContent.Guard(response, _request, TimeSpan.FromSeconds(60), TimeProvider.System);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var total = 0;
        int n;
        while ((n = await stream.ReadAsync(_buffer)) > 0) total += n;
        return total;
    }

    /// <summary>A body stream like the connection's: reads from memory, the first one optionally after a thread-pool hop.</summary>
    private sealed class SourceStream(byte[] body, bool firstReadPending) : MemoryStream(body, writable: false)
    {
        private bool _first = firstReadPending;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_first) return base.ReadAsync(buffer, cancellationToken);
            _first = false;
            return YieldThenReadAsync(buffer, cancellationToken);
        }

        private async ValueTask<int> YieldThenReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            await Task.Yield();
            return await base.ReadAsync(buffer, cancellationToken);
        }
    }
}
