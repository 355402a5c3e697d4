using System.Net;
using KipuHub.Tests.Support;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace KipuHub.Tests.Samples;

[TestFixture]
public class QuickstartSampleTests
{
    [Test]
    public async Task Quickstart_SubmitsABellCircuit_PollsUntilCompleted_AndReadsTheResult()
    {
        using var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Post, Hub.QuantumBase + "jobs")
            .WithPartialContent("\"type\":\"AZURE_IONQ_SIMULATOR\"")
            .Respond(HttpStatusCode.Created, "application/json", """{"id":"j1","status":"PENDING"}""");
        mock.Expect(Hub.QuantumBase + "jobs/j1/status").RespondJson("""{"status":"PENDING"}""");
        mock.Expect(Hub.QuantumBase + "jobs/j1/status").RespondJson("""{"status":"RUNNING"}""");
        mock.Expect(Hub.QuantumBase + "jobs/j1/status").RespondJson("""{"status":"COMPLETED"}""");
        mock.Expect(Hub.QuantumBase + "jobs/j1/result").RespondJson("""{"counts":{"00":502,"11":498}}""");
        using var client = Hub.Quantum(mock);
        var waits = 0;

        var result = await QuickstartSample.RunAsync(client, (_, _) => { waits++; return Task.CompletedTask; });

        mock.VerifyNoOutstandingExpectation();
        Assert.That(waits, Is.EqualTo(2));
        Assert.That(JToken.FromObject(result)["counts"]!["00"]!.Value<int>(), Is.EqualTo(502));
    }
}
