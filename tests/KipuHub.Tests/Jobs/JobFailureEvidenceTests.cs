using System.Net;
using KipuHub.Generated.Quantum;
using KipuHub.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KipuHub.Tests.Jobs;

/// <summary>hub-facts-2026.md Quantum API 4 and 7 in the facade: a FAILED job's result document, the least-busy backend.</summary>
[TestFixture]
public class JobFailureEvidenceTests
{
    [Test]
    public void The_failure_message_comes_from_the_Quandela_results_text_when_error_data_is_absent()
    {
        var failure = JObject.Parse("""{"duration":0.2,"intermediate_results":[],"job_id":"j9","results":"Error -3 while decompressing data: incorrect data check","results_type":null,"shots":0}""");

        var ex = new JobFailedException(new Job { Id = "j9", BackendId = "quandela.qpu.belenos", Status = JobStatus.Failed }, failure);

        Assert.That(ex.FailureResult, Is.SameAs(failure));
        Assert.That(ex.FailureMessage, Is.EqualTo("Error -3 while decompressing data: incorrect data check"));
        Assert.That(ex.Message, Does.Contain("j9").And.Contain("Error -3 while decompressing data"));
    }

    [Test]
    public void Error_data_wins_in_the_message_and_non_text_members_never_make_the_constructor_throw()
    {
        var job = new Job { Id = "j1", Status = JobStatus.Failed, ErrorData = JObject.Parse("""{"message":{"nested":true},"error":"E_BACKEND"}""") };
        var failure = JObject.Parse("""{"results":{"not":"text"},"error_data":{"message":"from the result"}}""");

        var ex = new JobFailedException(job, failure);

        Assert.That(ex.Message, Does.Contain("E_BACKEND"));
        Assert.That(ex.FailureMessage, Is.EqualTo("from the result"));
        Assert.That(new JobFailedException(job).FailureResult, Is.Null);
    }

    [Test]
    public void RunJobAsync_reads_the_failure_result_once_and_only_for_FAILED()
    {
        var stub = new StubHandler(request => request.RequestUri!.AbsolutePath switch
        {
            "/quantum/backends/b" => Hub.OnlineBackend(request),
            "/quantum/jobs" => StubHandler.Json(HttpStatusCode.Created, """{"id":"j2","status":"PENDING"}"""),
            "/quantum/jobs/j2/status" => StubHandler.Json(HttpStatusCode.OK, """{"status":"FAILED"}"""),
            "/quantum/jobs/j2" => StubHandler.Json(HttpStatusCode.OK, """{"id":"j2","status":"FAILED"}"""),
            "/quantum/jobs/j2/result-stream" => StubHandler.Json(HttpStatusCode.OK, """{"job_id":"j2","results":"boom"}"""),
            _ => StubHandler.Json(HttpStatusCode.NotFound, "{}"),
        });
        // The system clock: a jump clock would fire the fetch's 10-second bound at once.
        using var client = Hub.Quantum(stub, o => o.Waiting = new KipuHub.Waiting.WaitOptions { MinInterval = TimeSpan.FromMilliseconds(1), MaxInterval = TimeSpan.FromMilliseconds(5) });

        var ex = Assert.ThrowsAsync<JobFailedException>(() => client.RunJobAsync(new CreateJobRequest { BackendId = "b", Shots = 1, Input = new QuandelaSimBelenosJobInput { Value = new JObject() } }));

        Assert.That(ex!.FailureMessage, Is.EqualTo("boom"));
        Assert.That(stub.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/result-stream", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public void RunJobAsync_on_a_CANCELLED_job_reads_no_result()
    {
        var stub = new StubHandler(request => request.RequestUri!.AbsolutePath switch
        {
            "/quantum/jobs" => StubHandler.Json(HttpStatusCode.Created, """{"id":"j3","status":"PENDING"}"""),
            "/quantum/jobs/j3/status" => StubHandler.Json(HttpStatusCode.OK, """{"status":"CANCELLED"}"""),
            "/quantum/jobs/j3" => StubHandler.Json(HttpStatusCode.OK, """{"id":"j3","status":"CANCELLED"}"""),
            _ => StubHandler.Json(HttpStatusCode.OK, """{"results":"should not be read"}"""),
        });
        // The system clock: a jump clock would fire the fetch's 10-second bound at once.
        using var client = Hub.Quantum(stub, o => o.Waiting = new KipuHub.Waiting.WaitOptions { MinInterval = TimeSpan.FromMilliseconds(1), MaxInterval = TimeSpan.FromMilliseconds(5) });

        var ex = Assert.ThrowsAsync<JobFailedException>(() => client.RunJobAsync(new CreateJobRequest { BackendId = "b", Shots = 1, Input = new QuandelaSimBelenosJobInput { Value = new JObject() } }));

        Assert.That(ex!.FailureResult, Is.Null);
        Assert.That(stub.Requests.Select(r => r.Uri.AbsolutePath), Has.None.Contains("result"));
    }

    [Test]
    public async Task GetLeastBusyBackendAsync_skips_non_online_backends_puts_unknown_queues_last_and_breaks_ties_by_id()
    {
        var stub = new StubHandler(HttpStatusCode.OK, """
            [{"id":"p.z","status":"ONLINE","queue_size":1},
             {"id":"p.paused","status":"PAUSED","queue_size":0},
             {"id":"p.unknown","status":"ONLINE"},
             {"id":"p.b","status":"ONLINE","queue_size":1},
             {"id":"p.offline","status":"OFFLINE","queue_size":0}]
            """);
        using var client = Hub.Quantum(stub);

        var best = await client.GetLeastBusyBackendAsync(BackendProvider.Ibm);

        Assert.That(best!.Id, Is.EqualTo("p.b"));
        Assert.That(stub.Requests.Single().Uri.Query, Is.EqualTo("?provider=IBM"));
    }

    [Test]
    public async Task GetLeastBusyBackendAsync_is_null_without_an_online_backend()
    {
        using var client = Hub.Quantum(new StubHandler(HttpStatusCode.OK, """[{"id":"p.a","status":"RETIRED","queue_size":0}]"""));

        Assert.That(await client.GetLeastBusyBackendAsync(BackendProvider.Dwave), Is.Null);
    }
}
