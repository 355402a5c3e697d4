using System.Net;
using KipuHub.Generated.Quantum;
using KipuHub.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KipuHub.Tests.Jobs;

/// <summary>Issue 15 item 5: a result that lags behind COMPLETED (a 404 for a moment) is retried on the client's clock.</summary>
[TestFixture]
public class LaggingResultTests
{
    [TestCase(1)]
    [TestCase(4)]
    public async Task RunJobAsync_retries_a_result_404_after_COMPLETED_with_backoff(int missing)
    {
        var results = 0;
        var stub = Completed(() => Interlocked.Increment(ref results) <= missing
            ? StubHandler.Json(HttpStatusCode.NotFound, """{"message":"not yet"}""")
            : StubHandler.Json(HttpStatusCode.OK, """{"counts":{"00":3}}"""));
        var time = new VirtualTimeProvider();
        using var client = Hub.Quantum(stub, o => { o.TimeProvider = time; o.MaxRetries = 0; });

        var result = await client.RunJobAsync(Request());

        Assert.That(result.Counts["00"], Is.EqualTo(3));
        Assert.That(results, Is.EqualTo(missing + 1));
        Assert.That(time.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.5 * ((1 << missing) - 1))), "the waits back off on the client's clock");
    }

    [Test]
    public void A_result_still_missing_after_the_retries_is_a_NotFoundException()
    {
        var results = 0;
        var stub = Completed(() => { Interlocked.Increment(ref results); return StubHandler.Json(HttpStatusCode.NotFound, """{"message":"gone"}"""); });
        using var client = Hub.Quantum(stub, o => { o.TimeProvider = new VirtualTimeProvider(); o.MaxRetries = 0; });

        Assert.ThrowsAsync<NotFoundException>(() => client.RunJobAsync(Request()));
        Assert.That(results, Is.EqualTo(5), "one try and four retries");
    }

    private static StubHandler Completed(Func<HttpResponseMessage> result) => new(request => request.RequestUri!.AbsolutePath switch
    {
        "/quantum/backends/b" => Hub.OnlineBackend(request),
        "/quantum/jobs" => StubHandler.Json(HttpStatusCode.Created, """{"id":"j7","status":"PENDING"}"""),
        "/quantum/jobs/j7/status" => StubHandler.Json(HttpStatusCode.OK, """{"status":"COMPLETED"}"""),
        "/quantum/jobs/j7" => StubHandler.Json(HttpStatusCode.OK, """{"id":"j7","status":"COMPLETED"}"""),
        "/quantum/jobs/j7/result-stream" => result(),
        _ => StubHandler.Json(HttpStatusCode.NotFound, "{}"),
    });

    private static CreateJobRequest Request() => new() { BackendId = "b", Shots = 1, Input = new QuandelaSimBelenosJobInput { Value = new JObject() } };
}
