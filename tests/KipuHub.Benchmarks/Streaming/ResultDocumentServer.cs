using System.Net;
using System.Text;
using KipuHub.Benchmarks.Overhead;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KipuHub.Benchmarks.Streaming;

/// <summary>
/// A loopback Kestrel server (as the emulator is) that answers the four requests of <c>RunJobAsync</c>: POST jobs,
/// GET jobs/{id}/status, GET jobs/{id} with bodies captured from the emulator, and GET jobs/{id}/result-stream with a
/// result document of an exact size, <c>{"counts":{...},"shots":N,"measurements":["0101…",…]}</c>: the counts of a
/// few outcomes and one 32-bit bitstring per shot (Qiskit's <c>memory</c>) filling the rest. Like the emulator's padding,
/// the measurements are written from one pre-built 64 KiB chunk while streaming, so the server holds no document.
/// </summary>
public sealed class ResultDocumentServer : IAsyncDisposable
{
    public const int BitsPerShot = 32;
    private const int ItemBytes = BitsPerShot + 3; // "…",
    private const int ItemsPerChunk = 64 * 1024 / ItemBytes;
    private static readonly byte[] Chunk = BuildChunk();

    private readonly WebApplication _app;
    private readonly byte[] _head;
    private readonly byte[] _tail;
    private readonly long _items;

    private ResultDocumentServer(WebApplication app, long length)
    {
        _app = app;
        Length = length;
        // m items of 35 bytes, the last without its comma, then 1..35 spaces so the document is exactly `length` bytes.
        // The longest head the counts could need, so the spaces are never negative.
        var headBound = Head(length, length).Length;
        _items = (length - headBound - 2) / ItemBytes;
        Shots = _items;
        // The items alternate all-0 and all-1, starting with all-0.
        _head = Head(_items - (_items / 2), _items / 2);
        var spaces = length - _head.Length - ((ItemBytes * _items) - 1) - 2;
        if (spaces < 1) throw new InvalidOperationException("The result document cannot be laid out at this size.");
        _tail = Encoding.ASCII.GetBytes(new string(' ', (int)spaces) + "]}");
        var total = _head.Length + (ItemBytes * _items) - 1 + _tail.Length;
        if (total != length) throw new InvalidOperationException($"Result document of {total} bytes, not {length}.");
    }

    public Uri QuantumBaseUrl { get; private set; } = null!;

    /// <summary>The document's size in bytes.</summary>
    public long Length { get; }

    /// <summary>How many entries the measurements array holds (and the counts add up to).</summary>
    public long Shots { get; }

    public string JobId => CannedResponses.Instance.JobId;

    public static async Task<ResultDocumentServer> StartAsync(long length)
    {
        _ = CannedResponses.Instance; // captured from the emulator before the server starts
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        builder.WebHost.UseSockets();
        builder.Services.AddRoutingCore();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ResultDocumentServer(app, length);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.QuantumBaseUrl = new Uri(address.TrimEnd('/') + "/quantum/");
        return server;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var canned = CannedResponses.Instance;
        var path = context.Request.Path.Value ?? "";
        var jobPath = $"/quantum/jobs/{canned.JobId}";
        if (HttpMethods.IsPost(context.Request.Method) && path == "/quantum/jobs")
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            await WriteJsonAsync(context, 201, canned.CreatedJob);
        }
        else if (path == jobPath + "/status")
        {
            await WriteJsonAsync(context, 200, canned.JobStatus);
        }
        else if (path == jobPath)
        {
            await WriteJsonAsync(context, 200, canned.Job);
        }
        else if (path == jobPath + "/result-stream")
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = Length;
            var body = context.Response.Body;
            var aborted = context.RequestAborted;
            await body.WriteAsync(_head, aborted);
            var left = (ItemBytes * _items) - 1;
            while (left > 0)
            {
                var n = (int)Math.Min(Chunk.Length, left);
                await body.WriteAsync(Chunk.AsMemory(0, n), aborted);
                left -= n;
            }

            await body.WriteAsync(_tail, aborted);
        }
        else
        {
            context.Response.StatusCode = 404;
        }
    }

    private static Task WriteJsonAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }

    private static byte[] Head(long zeros, long ones) =>
        Encoding.ASCII.GetBytes($"{{\"counts\":{{\"{new string('0', BitsPerShot)}\":{zeros},\"{new string('1', BitsPerShot)}\":{ones}}},\"shots\":{zeros + ones},\"measurements\":[");

    /// <summary>Whole items only, so a chunk boundary never splits one: ItemsPerChunk × 35 bytes, alternating all-0 and all-1.</summary>
    private static byte[] BuildChunk()
    {
        var text = new StringBuilder(ItemsPerChunk * ItemBytes);
        for (var i = 0; i < ItemsPerChunk; i++)
        {
            text.Append('"').Append(i % 2 == 0 ? '0' : '1', BitsPerShot).Append("\",");
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
