using System.Text;
using KipuHub.Emulator.Diagnostics;

namespace KipuHub.Emulator.Faults;

/// <summary>Applies the first fault rule that fires for a request; runs before auth, like a faulty network or gateway.</summary>
internal static class FaultMiddleware
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, FaultInjector faults, TimeProvider time)
    {
        var rule = faults.Decide(context.Request.Method, context.Request.Path.Value ?? "/");
        if (rule is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (RequestLogMiddleware.Current(context) is { } entry)
        {
            entry.Fault = rule.Kind;
        }

        switch (rule.Kind)
        {
            case FaultKind.Latency:
                await Task.Delay(rule.Delay, context.RequestAborted).ConfigureAwait(false);
                await next(context).ConfigureAwait(false);
                break;
            case FaultKind.LatencyAfterHandling:
                await HoldResponseAsync(context, next, rule.Delay).ConfigureAwait(false);
                break;
            case FaultKind.TooManyRequests:
                await ErrorWriter.WriteAsync(context, time, StatusCodes.Status429TooManyRequests,
                    "Too many requests (injected fault): nothing was done. Wait for Retry-After, then retry.",
                    rule.RetryAfter ?? TimeSpan.FromSeconds(1)).ConfigureAwait(false);
                break;
            case FaultKind.ServerError:
                await ErrorWriter.WriteAsync(context, time, rule.StatusCode,
                    $"The Hub answered {rule.StatusCode} (injected fault): nothing was done. Retry later.", rule.RetryAfter).ConfigureAwait(false);
                break;
            case FaultKind.ResetConnection:
                Abort(context);
                break;
            case FaultKind.ResetAfterHandling:
                await RunDiscardingResponseAsync(context, next).ConfigureAwait(false);
                Abort(context);
                break;
            case FaultKind.TruncateBody:
                await TruncateAsync(context, next, rule.TruncateAfterBytes).ConfigureAwait(false);
                break;
            case FaultKind.MalformedJson:
                await CorruptAsync(context, next).ConfigureAwait(false);
                break;
        }
    }

    private static void Abort(HttpContext context)
    {
        if (RequestLogMiddleware.Current(context) is { } entry)
        {
            entry.Aborted = true;
        }

        context.Abort();
    }

    // A truncation ends the connection with FIN, not RST: a reset discards bytes still in flight, so the client could
    // read fewer bytes than were sent (a flaky test); after a FIN it reads what was sent, then the premature end.
    private static void EndAfterSent(HttpContext context)
    {
        try
        {
            context.Features.Get<Microsoft.AspNetCore.Connections.Features.IConnectionSocketFeature>()?.Socket.Shutdown(System.Net.Sockets.SocketShutdown.Send);
        }
        catch (System.Net.Sockets.SocketException)
        {
            // Already closed by the peer: nothing left to deliver.
        }
        catch (ObjectDisposedException)
        {
        }

        Abort(context);
    }

    private static async Task<byte[]> RunBufferedAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        return buffer.ToArray();
    }

    private static async Task RunDiscardingResponseAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }
    }

    private static async Task HoldResponseAsync(HttpContext context, RequestDelegate next, TimeSpan delay)
    {
        var body = await RunBufferedAsync(context, next).ConfigureAwait(false);
        await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task TruncateAsync(HttpContext context, RequestDelegate next, long afterBytes)
    {
        var original = context.Response.Body;
        var truncating = new TruncatingStream(original, afterBytes, () => EndAfterSent(context));
        context.Response.Body = truncating;
        try
        {
            await next(context).ConfigureAwait(false);
            await truncating.FinishAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }
    }

    private static async Task CorruptAsync(HttpContext context, RequestDelegate next)
    {
        var body = await RunBufferedAsync(context, next).ConfigureAwait(false);
        var corrupted = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body, 0, body.Length / 2) + "<<corrupted by KipuHub.Emulator fault injection");
        context.Response.ContentLength = corrupted.Length;
        await context.Response.Body.WriteAsync(corrupted, context.RequestAborted).ConfigureAwait(false);
    }
}
