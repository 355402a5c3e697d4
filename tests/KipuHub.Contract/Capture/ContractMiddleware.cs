using KipuHub.Contract.Validation;
using KipuHub.Emulator.Diagnostics;
using KipuHub.Emulator.Faults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace KipuHub.Contract.Capture;

/// <summary>
/// The emulator's outermost middleware while the contract checks are installed: it records the request and response
/// bodies as they cross the wire and, once the response is complete (the client already has it), validates the exchange.
/// </summary>
internal static class ContractMiddleware
{
    /// <summary>
    /// JSON bodies larger than this are not judged by schema (counted instead), so the suite's 100 MB-1 GiB results
    /// stay streaming and the memory tests keep their budgets; bodies of other media types are never recorded.
    /// </summary>
    internal const int CaptureLimit = 4 * 1024 * 1024;

    // Faults that keep the bytes intact: the exchange is still the emulator's real answer, so it is validated.
    private static readonly FaultKind[] IntactFaults = [FaultKind.Latency, FaultKind.LatencyAfterHandling];

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, ContractLedger ledger, ContractValidator validator)
    {
        var requestCapture = new BodyCapture(CaptureLimit);
        var responseCapture = new BodyCapture(CaptureLimit);
        if (!IsJsonOrNone(context.Request.ContentType) || context.Request.ContentLength > CaptureLimit)
        {
            requestCapture.Skip(); // multipart uploads and files: their media type is checked, their bytes are not
        }

        context.Response.OnStarting(() =>
        {
            if (!IsJsonOrNone(context.Response.ContentType) || context.Response.ContentLength > CaptureLimit)
            {
                responseCapture.Skip();
            }

            return Task.CompletedTask;
        });
        var requestBody = new TeeReadStream(context.Request.Body, requestCapture);
        context.Request.Body = requestBody;
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        var tee = new StreamResponseBodyFeature(new TeeWriteStream(original.Stream, responseCapture), original);
        context.Features.Set<IHttpResponseBodyFeature>(tee);
        try
        {
            await next(context).ConfigureAwait(false);
            await tee.CompleteAsync().ConfigureAwait(false);
        }
        finally
        {
            context.Features.Set(original);
        }

        var fault = TrafficTap.FaultOf(context);
        if (fault is { } kind && !IntactFaults.Contains(kind))
        {
            ledger.Exclude($"fault {kind}");
            return;
        }

        if (context.RequestAborted.IsCancellationRequested)
        {
            ledger.Exclude("connection aborted");
            return;
        }

        try
        {
            await requestBody.DrainAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
        {
            ledger.Exclude("request body unreadable");
            return;
        }

        var exchange = new HttpExchange(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.ContentType,
            requestCapture.Bytes,
            context.Response.StatusCode,
            context.Response.ContentType,
            responseCapture.Bytes);
        context.Response.OnCompleted(() =>
        {
            ledger.Record(exchange, validator);
            return Task.CompletedTask;
        });
    }

    private static bool IsJsonOrNone(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return true;
        }

        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
