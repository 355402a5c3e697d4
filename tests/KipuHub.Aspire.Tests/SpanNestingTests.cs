extern alias webapi;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using KipuHub.Aspire.Tests.Support;
using KipuHub.Emulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using WebApiProgram = webapi::Program;

namespace KipuHub.Aspire.Tests;

/// <summary>
/// The sample Web API wired by <c>AddKipuHubClient</c> (as the AppHost starts it): the SDK's "KipuHub" spans are
/// children of the API's ASP.NET Core request span, so the dashboard shows them nested.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SpanNestingTests
{
    private const string Token = "span-test-token-0123456789abcdef";

    [Test]
    public async Task TheSdksSpansAreChildrenOfTheApisRequestSpan()
    {
        var stopped = new ConcurrentQueue<Activity>();
        // The server stops the request's span after the client has its response: wait for it, not for the response.
        var requestStopped = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "KipuHub" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                stopped.Enqueue(activity);
                if (activity.Source.Name == "Microsoft.AspNetCore" && activity.DisplayName == "POST /jobs/run")
                {
                    requestStopped.TrySetResult(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var emulator = await OneTokenEmulator.StartAsync(Token);
        var connectionString = OneTokenEmulator.ConnectionString(emulator, Token);
        await using var app = new WebApplicationFactory<WebApiProgram>().WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:kipuhub", connectionString));
        using var http = app.CreateClient();

        using var response = await http.PostAsJsonAsync("/jobs/run", new { shots = 100 });

        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
        // (The in-process emulator's own request spans join the trace too, through the SDK's traceparent header.)
        var request = await requestStopped.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var sdk = stopped.Where(a => a.Source.Name == "KipuHub" && a.TraceId == request.TraceId).ToList();
        var run = sdk.SingleOrDefault(a => a.OperationName == "KipuHub.RunJob");
        Assert.That(run, Is.Not.Null, $"the request's trace holds no KipuHub.RunJob span; KipuHub spans: {string.Join(", ", stopped.Where(a => a.Source.Name == "KipuHub").Select(a => a.OperationName))}");
        Assert.That(run!.ParentSpanId, Is.EqualTo(request.SpanId), "RunJob is a direct child of the request span");
        Assert.That(sdk.Select(a => a.OperationName), Has.Some.StartsWith("KipuHub POST").And.Some.EqualTo("KipuHub.SubmitJob"));
        var byId = stopped.Where(a => a.TraceId == request.TraceId).ToDictionary(a => a.SpanId);
        foreach (var span in sdk)
        {
            Assert.That(ReachesRequest(span, request, byId), Is.True, $"{span.OperationName} is not under the request span");
        }
    }

    /// <summary>Whether the span's chain of parents, within the collected spans, leads to the request span.</summary>
    private static bool ReachesRequest(Activity span, Activity request, Dictionary<ActivitySpanId, Activity> byId)
    {
        for (var parent = span.ParentSpanId; parent != default; parent = byId.TryGetValue(parent, out var next) ? next.ParentSpanId : default)
        {
            if (parent == request.SpanId)
            {
                return true;
            }
        }

        return false;
    }
}
