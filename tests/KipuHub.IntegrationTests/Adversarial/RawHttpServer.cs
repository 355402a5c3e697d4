using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KipuHub.IntegrationTests.Adversarial;

/// <summary>How the raw server delivers a response's body after the head.</summary>
internal enum Delivery
{
    /// <summary>Head, the whole body, then a graceful close.</summary>
    Complete,

    /// <summary>Head, the first <see cref="RawResponse.SendBytes"/> bytes of the body, then a graceful close (FIN).</summary>
    CloseAfter,

    /// <summary>Head, the first <see cref="RawResponse.SendBytes"/> bytes, then silence until the client goes away (or the run is aborted).</summary>
    StallAfter,

    /// <summary>Head, the first <see cref="RawResponse.SendBytes"/> bytes, then a TCP reset (linger 0).</summary>
    ResetAfter,
}

/// <summary>One HTTP/1.1 response exactly as it goes on the wire: status line, headers, body bytes, and how they are delivered.</summary>
internal sealed record RawResponse
{
    public int Status { get; init; } = 200;

    public string Reason { get; init; } = "OK";

    public List<KeyValuePair<string, string>> Headers { get; init; } = [];

    public byte[] Body { get; init; } = [];

    /// <summary>Null: the real length. -1: no Content-Length header. Otherwise the (possibly lying) value sent.</summary>
    public long? ContentLength { get; init; }

    public Delivery Delivery { get; init; } = Delivery.Complete;

    public int SendBytes { get; init; }

    public RawResponse WithHeader(string name, string value) => this with { Headers = [.. Headers, new(name, value)] };

    public RawResponse WithoutHeader(string name) => this with { Headers = Headers.Where(h => !h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList() };

    public string? ContentType => Headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value;

    public byte[] Head()
    {
        var sb = new StringBuilder();
        sb.Append("HTTP/1.1 ").Append(Status).Append(' ').Append(Reason).Append("\r\n");
        foreach (var (name, value) in Headers) sb.Append(name).Append(": ").Append(value).Append("\r\n");
        var length = ContentLength ?? Body.Length;
        if (length >= 0 && !Headers.Any(h => h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))) sb.Append("Content-Length: ").Append(length).Append("\r\n");
        sb.Append("Connection: close\r\n\r\n");
        return Encoding.Latin1.GetBytes(sb.ToString());
    }
}

/// <summary>A request as the raw server read it.</summary>
internal sealed record RawRequest(string Method, string Target, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// A deliberately dumb HTTP/1.1 server on a raw socket (127.0.0.1, ephemeral port): it reads one request per connection,
/// asks a router for the bytes to answer with, writes them exactly (lying Content-Length, stalls, resets included)
/// and closes. Nothing is normalised, so the client's SocketsHttpHandler sees what a hostile server or proxy sends.
/// Every wait is bounded: a stall lasts until the client disconnects, the route is aborted, or <see cref="MaxStall"/>.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    public static readonly TimeSpan MaxStall = TimeSpan.FromSeconds(8);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<RawRequest, (RawResponse Response, CancellationToken Abort)> _route;
    private readonly ConcurrentDictionary<Task, byte> _connections = new();
    private readonly Task _acceptLoop;

    public RawHttpServer(Func<RawRequest, (RawResponse Response, CancellationToken Abort)> route)
    {
        _route = route;
        _listener.Start(512);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public int Connections;

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            Interlocked.Increment(ref Connections);
            var task = Task.Run(() => ServeAsync(socket));
            _connections[task] = 0;
            _ = task.ContinueWith(t => _connections.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        socket.NoDelay = true;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(MaxStall + TimeSpan.FromSeconds(2));
        var ct = timeout.Token;
        var reset = false;
        try
        {
            var request = await ReadRequestAsync(socket, ct).ConfigureAwait(false);
            if (request is null) return;
            var (response, abort) = _route(request);
            var head = response.Head();
            var body = response.Body;
            var sendBody = response.Delivery == Delivery.Complete ? body.Length : Math.Clamp(response.SendBytes, 0, body.Length);
            var all = new byte[head.Length + sendBody];
            head.CopyTo(all, 0);
            Array.Copy(body, 0, all, head.Length, sendBody);
            await SendAllAsync(socket, all, ct).ConfigureAwait(false);
            switch (response.Delivery)
            {
                case Delivery.StallAfter:
                    using (var stall = CancellationTokenSource.CreateLinkedTokenSource(ct, abort))
                    {
                        stall.CancelAfter(MaxStall);
                        try
                        {
                            // Returns when the client closes its side (0 bytes) or the stall is over.
                            var sink = new byte[256];
                            while (await socket.ReceiveAsync(sink, SocketFlags.None, stall.Token).ConfigureAwait(false) > 0)
                            {
                            }
                        }
                        catch (OperationCanceledException)
                        {
                        }
                    }

                    reset = true;
                    break;
                case Delivery.ResetAfter:
                    reset = true;
                    break;
            }
        }
        catch (Exception)
        {
            // The client went away or the server is stopping: nothing to report, the client side is what is tested.
        }
        finally
        {
            try
            {
                if (reset)
                {
                    socket.LingerState = new LingerOption(true, 0);
                }
                else
                {
                    socket.Shutdown(SocketShutdown.Send);
                }
            }
            catch (Exception)
            {
            }

            socket.Dispose();
        }
    }

    private static async Task SendAllAsync(Socket socket, byte[] bytes, CancellationToken ct)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            var n = await socket.SendAsync(bytes.AsMemory(offset, Math.Min(64 * 1024, bytes.Length - offset)), SocketFlags.None, ct).ConfigureAwait(false);
            if (n <= 0) throw new IOException("send returned 0");
            offset += n;
        }
    }

    private static async Task<RawRequest?> ReadRequestAsync(Socket socket, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        var filled = 0;
        var headEnd = -1;
        while (headEnd < 0)
        {
            if (filled == buffer.Length)
            {
                if (buffer.Length >= 256 * 1024) return null;
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var n = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, ct).ConfigureAwait(false);
            if (n == 0) return null;
            filled += n;
            headEnd = IndexOf(buffer, filled, "\r\n\r\n"u8);
        }

        var headText = Encoding.Latin1.GetString(buffer, 0, headEnd);
        var lines = headText.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length < 2) return null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var bodyStart = headEnd + 4;
        var length = headers.TryGetValue("Content-Length", out var cl) && long.TryParse(cl, out var l) ? (int)Math.Min(l, 8 * 1024 * 1024) : 0;
        var body = new byte[length];
        var have = Math.Min(filled - bodyStart, length);
        Array.Copy(buffer, bodyStart, body, 0, have);
        while (have < length)
        {
            var n = await socket.ReceiveAsync(body.AsMemory(have), SocketFlags.None, ct).ConfigureAwait(false);
            if (n == 0) break;
            have += n;
        }

        var target = parts[1];
        var q = target.IndexOf('?');
        return new RawRequest(parts[0], target, q < 0 ? target : target[..q], headers, body);
    }

    private static int IndexOf(byte[] buffer, int count, ReadOnlySpan<byte> pattern) => buffer.AsSpan(0, count).IndexOf(pattern);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (Exception)
        {
        }

        await Task.WhenAny(Task.WhenAll(_connections.Keys), Task.Delay(TimeSpan.FromSeconds(3))).ConfigureAwait(false);
        _stop.Dispose();
    }
}
