using System.Diagnostics;
using System.Diagnostics.Metrics;
using KipuHub.Diagnostics;
using KipuHub.Generated.Quantum;
using KipuHub.Generated.Service;
using Newtonsoft.Json.Linq;

namespace KipuHub.IntegrationTests;

/// <summary>
/// Jobs, sessions and service executions wait through one poller, so each wait records the same telemetry: one span
/// <c>KipuHub.WaitFor{Kind}</c> with the id, the final status and the number of polls, and a <c>kipuhub.polls</c>
/// count per status request tagged with the subject.
/// </summary>
[TestFixture]
[NonParallelizable]
public class WaitTelemetryTests : EmulatorFixture
{
    [Test]
    public async Task A_job_wait_records_its_span_and_polls()
    {
        using var client = QuantumClient();
        var job = await client.Jobs.CreateJobAsync(Circuits.Bell(shots: 10));

        var (span, polls) = await RecordAsync(() => client.WaitForCompletionAsync(job.Id!, Fast));

        AssertWait(span, polls, "KipuHub.WaitForJob", "job", job.Id!, "COMPLETED");
    }

    [Test]
    public async Task A_session_wait_records_the_same_span_and_polls_as_a_job_wait()
    {
        using var client = QuantumClient();
        var session = await client.Sessions.CreateSessionAsync(new CreateSessionRequest { BackendId = "aws.sim.sv1", Mode = SessionMode.Batch, Provider = SessionProvider.Aws });
        await client.Sessions.CloseSessionAsync(session.Id!);

        var (span, polls) = await RecordAsync(() => client.WaitForSessionAsync(session.Id!, Fast));

        AssertWait(span, polls, "KipuHub.WaitForSession", "session", session.Id!, "CLOSED");
    }

    [Test]
    public async Task A_service_execution_wait_records_the_same_span_and_polls_as_a_job_wait()
    {
        using var service = ServiceClient("echo");
        var started = await service.ServiceApi.StartExecutionAsync(new StartExecutionRequest { Input = JObject.Parse("""{"molecule":"H2"}""") });

        var (span, polls) = await RecordAsync(() => service.WaitForCompletionAsync(started.Id!, Fast));

        AssertWait(span, polls, "KipuHub.WaitForServiceExecution", "service_execution", started.Id!, "SUCCEEDED");
    }

    private static void AssertWait(Activity span, IReadOnlyList<string> polls, string spanName, string subject, string id, string status)
    {
        Assert.That(span.DisplayName, Is.EqualTo(spanName));
        Assert.That(span.GetTagItem($"kipuhub.{subject}.id"), Is.EqualTo(id));
        Assert.That(span.GetTagItem($"kipuhub.{subject}.status")?.ToString(), Is.EqualTo(status).IgnoreCase);
        Assert.That(span.GetTagItem("kipuhub.polls"), Is.EqualTo(polls.Count(p => p == subject)), "the span counts the polls the meter saw");
        Assert.That(polls, Is.Not.Empty.And.All.EqualTo(subject), "every status request of the wait is counted under its subject");
    }

    // Records the wait spans and the kipuhub.polls measurements made while `wait` runs (this fixture runs alone).
    private static async Task<(Activity Span, IReadOnlyList<string> Polls)> RecordAsync(Func<Task> wait)
    {
        var spans = new List<Activity>();
        var polls = new List<string>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == HubDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) spans.Add(a); },
        };
        ActivitySource.AddActivityListener(activities);
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == HubDiagnostics.Name && instrument.Name == "kipuhub.polls") listener.EnableMeasurementEvents(instrument);
            },
        };
        meters.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "kipuhub.subject") lock (polls) polls.Add((string)tag.Value!);
            }
        });
        meters.Start();

        await wait();

        lock (spans)
        lock (polls)
        {
            return (spans.Single(s => s.DisplayName.StartsWith("KipuHub.WaitFor", StringComparison.Ordinal)), [.. polls]);
        }
    }
}
