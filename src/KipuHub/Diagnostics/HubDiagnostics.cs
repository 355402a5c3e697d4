using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KipuHub.Diagnostics;

/// <summary>
/// The SDK's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <see cref="Name"/> ("KipuHub"), so
/// OpenTelemetry picks them up with <c>AddSource("KipuHub")</c> and <c>AddMeter("KipuHub")</c>.
/// </summary>
/// <remarks>
/// <para>
/// Spans: one <c>Internal</c> span per logical HTTP call (<see cref="Http.TracingHandler"/>), named
/// <c>"KipuHub {METHOD} {url.template}"</c>, around all of its retries (each retry is an event <c>kipuhub.retry</c>
/// on it); the per-attempt <c>Client</c> spans of <c>System.Net.Http</c> sit below it.
/// </para>
/// <para>
/// Instruments: <c>kipuhub.http.client.request.duration</c> (histogram, s), <c>kipuhub.http.retries</c>,
/// <c>kipuhub.polls</c>, <c>kipuhub.download.bytes</c> (counters). Tags follow the OpenTelemetry HTTP conventions
/// (<c>http.request.method</c>, <c>url.template</c>, <c>server.address</c>, <c>http.response.status_code</c>,
/// <c>error.type</c>). No tag or span carries a header value, a query string or a token.
/// </para>
/// </remarks>
public static class HubDiagnostics
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "KipuHub";

    private static readonly string Version = typeof(HubDiagnostics).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Gets the source of the SDK's spans (HTTP calls; submit, wait, download and invoke as they land).</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, Version);

    /// <summary>Gets the meter of the SDK's counters and histograms.</summary>
    public static Meter Meter { get; } = new(Name, Version);

    /// <summary>Status polls made while waiting (tag <c>kipuhub.subject</c>: job, session, service_execution).</summary>
    internal static Counter<long> Polls { get; } = Meter.CreateCounter<long>("kipuhub.polls", "{poll}", "Status requests made while waiting.");

    /// <summary>Bytes downloaded by the streaming helpers.</summary>
    internal static Counter<long> BytesDownloaded { get; } = Meter.CreateCounter<long>("kipuhub.download.bytes", "By", "Bytes downloaded by result and file helpers.");

    /// <summary>HTTP retries made by the SDK's retry handler or the resilience pipeline of the DI package.</summary>
    internal static Counter<long> Retries { get; } = Meter.CreateCounter<long>("kipuhub.http.retries", "{retry}", "HTTP requests retried.");

    /// <summary>Duration of logical HTTP calls, retries included.</summary>
    internal static Histogram<double> RequestDuration { get; } = Meter.CreateHistogram<double>("kipuhub.http.client.request.duration", "s", "Duration of Kipu Hub HTTP calls, retries included.");

    /// <summary>Starts an activity when someone listens; the caller disposes it.</summary>
    internal static Activity? StartActivity(string name, ActivityKind kind = ActivityKind.Internal) => ActivitySource.StartActivity(name, kind);

    /// <summary>Counts a retry and records it as an event on the current span.</summary>
    internal static void RecordRetry(string method, string pathTemplate, int nextAttempt, TimeSpan delay, string reason)
    {
        Retries.Add(1, new KeyValuePair<string, object?>("http.request.method", method), new KeyValuePair<string, object?>("url.template", pathTemplate));
        Activity.Current?.AddEvent(new ActivityEvent("kipuhub.retry", tags: new ActivityTagsCollection
        {
            ["kipuhub.attempt"] = nextAttempt,
            ["kipuhub.retry.delay_ms"] = (long)delay.TotalMilliseconds,
            ["kipuhub.retry.reason"] = reason,
        }));
    }
}
