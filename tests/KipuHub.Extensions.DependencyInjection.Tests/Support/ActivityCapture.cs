using System.Collections.Concurrent;
using System.Diagnostics;

namespace KipuHub.Extensions.DependencyInjection.Tests.Support;

/// <summary>Listens to every activity source and records each stopped activity as text (name, tags, events, baggage).</summary>
public sealed class ActivityCapture : IDisposable
{
    private readonly ActivityListener _listener;

    public ActivityCapture()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => Activities.Enqueue(activity),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ConcurrentQueue<Activity> Activities { get; } = new();

    public string AllText => string.Join("\n", Activities.Select(Describe));

    public void Dispose() => _listener.Dispose();

    private static string Describe(Activity a) =>
        $"{a.Source.Name} {a.DisplayName} {a.OperationName} {a.StatusDescription} " +
        string.Join(";", a.TagObjects.Select(t => $"{t.Key}={t.Value}")) + " " +
        string.Join(";", a.Events.Select(e => e.Name + ":" + string.Join(",", e.Tags.Select(t => $"{t.Key}={t.Value}")))) + " " +
        string.Join(";", a.Baggage.Select(b => $"{b.Key}={b.Value}"));
}
