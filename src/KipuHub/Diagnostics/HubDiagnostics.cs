using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KipuHub.Diagnostics;

/// <summary>
/// The SDK's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <see cref="Name"/> ("KipuHub"), so
/// OpenTelemetry picks them up with <c>AddSource("KipuHub")</c> and <c>AddMeter("KipuHub")</c>.
/// </summary>
public static class HubDiagnostics
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "KipuHub";

    private static readonly string Version = typeof(HubDiagnostics).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Spans for submit, wait, download and invoke.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, Version);

    /// <summary>Counters and histograms.</summary>
    public static Meter Meter { get; } = new(Name, Version);

    /// <summary>Status polls made while waiting (tag <c>kipuhub.subject</c>: job, session, service_execution).</summary>
    internal static Counter<long> Polls { get; } = Meter.CreateCounter<long>("kipuhub.polls", "{poll}", "Status requests made while waiting.");

    /// <summary>Bytes downloaded by the streaming helpers.</summary>
    internal static Counter<long> BytesDownloaded { get; } = Meter.CreateCounter<long>("kipuhub.download.bytes", "By", "Bytes downloaded by result and file helpers.");

    /// <summary>HTTP retries made by the SDK's retry handler.</summary>
    internal static Counter<long> Retries { get; } = Meter.CreateCounter<long>("kipuhub.http.retries", "{retry}", "HTTP requests retried.");

    /// <summary>Starts an activity when someone listens; the caller disposes it.</summary>
    internal static Activity? StartActivity(string name, ActivityKind kind = ActivityKind.Internal) => ActivitySource.StartActivity(name, kind);
}
