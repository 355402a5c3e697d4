using System.Net;
using System.Net.Http.Headers;
using KipuHub.Generated.Quantum;
using KipuHub.Tests.Support;

namespace KipuHub.Tests.Waiting;

/// <summary>A server that answers 200 with Retry-After is polled when it asks, not on the SDK's own schedule.</summary>
[TestFixture]
public class RetryAfterOnSuccessTests
{
    [Test]
    public async Task A_200_status_with_Retry_After_sets_the_next_poll()
    {
        var clock = new VirtualTimeProvider();
        var pollTimes = new List<TimeSpan>();
        using var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, "https://hub.test/quantum/jobs/j1/status").Respond(_ =>
        {
            pollTimes.Add(clock.Elapsed);
            var done = pollTimes.Count >= 3;
            var response = new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(done ? """{"status":"COMPLETED"}""" : """{"status":"RUNNING"}""", System.Text.Encoding.UTF8, "application/json"),
            };
            if (!done) response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            return response;
        });
        mock.When(HttpMethod.Get, "https://hub.test/quantum/jobs/j1").Respond("application/json", """{"id":"j1","status":"COMPLETED"}""");
        using var client = new HubQuantumClient(new HubQuantumClientOptions
        {
            ApiKey = "t",
            BaseUrl = new Uri("https://hub.test/quantum/"),
            HttpMessageHandler = mock,
            TimeProvider = clock,
            Timeout = Timeout.InfiniteTimeSpan,   // the jumping clock would fire a per-attempt timer at once
        });

        var job = await client.WaitForCompletionAsync("j1");

        Assert.That(job.Status, Is.EqualTo(JobStatus.Completed));
        var gaps = pollTimes.Zip(pollTimes.Skip(1), (a, b) => b - a);
        Assert.That(gaps, Is.EqualTo(new[] { TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7) }), "the default schedule would have waited 1 s");
    }
}
