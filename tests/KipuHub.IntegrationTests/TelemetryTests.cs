using System.Diagnostics;
using KipuHub.Diagnostics;

namespace KipuHub.IntegrationTests;

[TestFixture]
[NonParallelizable]
public class TelemetryTests : EmulatorFixture
{
    [Test]
    public async Task A_run_emits_submit_wait_and_run_spans_with_http_spans_below_and_no_token()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == HubDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) spans.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);
        using var client = QuantumClient();

        var run = await client.RunJobAsync(Circuits.Bell(shots: 10), Fast);

        List<Activity> stopped;
        lock (spans) stopped = [.. spans];
        var names = stopped.Select(a => a.DisplayName).ToList();
        Assert.That(names, Does.Contain("KipuHub.RunJob").And.Contain("KipuHub.SubmitJob").And.Contain("KipuHub.WaitForJob"));
        var runSpan = stopped.Single(a => a.DisplayName == "KipuHub.RunJob");
        Assert.That(runSpan.GetTagItem("kipuhub.job.id"), Is.EqualTo(run.Job.Id));
        Assert.That(stopped.Where(a => a.DisplayName.StartsWith("KipuHub GET", StringComparison.Ordinal)).All(a => a.ParentId != null), Is.True, "HTTP spans nest under the operation spans");
        var everything = string.Join("\n", stopped.SelectMany(a => a.TagObjects.Select(t => $"{t.Key}={t.Value}")).Concat(names));
        Assert.That(everything, Does.Not.Contain(Hub.AccessToken));
    }
}
