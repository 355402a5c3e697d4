namespace KipuHub.Emulator.Diagnostics;

/// <summary>Logs each request on arrival and fills in its status just before the response starts.</summary>
internal static class RequestLogMiddleware
{
    private const string ItemKey = "KipuHub.Emulator.Recorded";
    private const string Redacted = "[redacted]";

    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "X-Auth-Token", "Authorization", "Proxy-Authorization", "Cookie",
    };

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, RequestLog log, TimeProvider time)
    {
        var headers = context.Request.Headers.ToDictionary(
            h => h.Key,
            h => SecretHeaders.Contains(h.Key) ? Redacted : h.Value.ToString(),
            StringComparer.OrdinalIgnoreCase);
        var entry = new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? string.Empty, time.GetUtcNow(), headers);
        context.Items[ItemKey] = entry;
        log.Add(entry);
        context.Response.OnStarting(() =>
        {
            entry.StatusCode = context.Response.StatusCode;
            return Task.CompletedTask;
        });
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            if (context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
            {
                entry.Aborted = true;
            }
        }
    }

    /// <summary>The entry of the current request, for the fault middleware to annotate.</summary>
    public static RecordedRequest? Current(HttpContext context)
        => context.Items.TryGetValue(ItemKey, out var value) ? value as RecordedRequest : null;
}
