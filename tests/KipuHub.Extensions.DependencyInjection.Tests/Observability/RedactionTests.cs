using System.Net.Http.Json;
using KipuHub.Emulator.Faults;
using Microsoft.Extensions.Time.Testing;
using static KipuHub.Extensions.DependencyInjection.Tests.Samples.WebApiSampleTests;

namespace KipuHub.Extensions.DependencyInjection.Tests.Observability;

/// <summary>A full run of the sample app at Trace level: its logs and activities name what happened, never the token.</summary>
[TestFixture]
public class RedactionTests
{
    [Test]
    public async Task LogsAndActivitiesOfAFullRun_ContainNoToken()
    {
        using var activities = new ActivityCapture();
        var logs = new CapturingLoggerProvider();
        var hubTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await Emulators.StartAsync(hubTime);
        JobView job;
        await using (var app = Sample(hub, logs: logs))
        {
            using var http = app.CreateClient();
            hub.Faults.Add(FaultRule.ServerError("GET", "/quantum/jobs/*/status", 503, times: 1));

            job = (await (await http.PostAsJsonAsync("/jobs", new { shots = 10 })).Content.ReadFromJsonAsync<JobView>())!;
            hubTime.Advance(TimeSpan.FromSeconds(1));
            Assert.That((await StatusAsync(http, job.Id)).Status, Is.EqualTo("COMPLETED"));
            Assert.That(await http.GetStringAsync($"/jobs/{job.Id}/result"), Does.Contain("counts"));
            Assert.That(await http.GetStringAsync("/health"), Is.EqualTo("Healthy"));
        }

        var logText = logs.AllText;
        var activityText = activities.AllText;
        Assert.That(logText, Does.Not.Contain(hub.AccessToken));
        Assert.That(activityText, Does.Not.Contain(hub.AccessToken));

        // ...and they do say what happened.
        Assert.That(logText, Does.Contain("POST /quantum/jobs returned 201"));
        Assert.That(logText, Does.Contain($"Retrying GET /quantum/jobs/{job.Id}/status"));
        Assert.That(logText, Does.Contain("(attempt 2)"));
        Assert.That(activityText, Does.Contain("KipuHub KipuHub POST /quantum/jobs"));
        Assert.That(activityText, Does.Contain("url.template=/quantum/jobs/{id}/status"));
        Assert.That(activityText, Does.Contain("kipuhub.retry:kipuhub.attempt=2"));
    }
}
