using System.Net;
using KipuHub.Generated.Quantum;
using KipuHub.Jobs;
using KipuHub.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KipuHub.Tests.Jobs;

/// <summary>Issue 12 #5/#6: <c>SubmitJobsAsync</c> never mutates the caller's requests and reports never-sent submissions as such.</summary>
[TestFixture]
public class JobBatchTests
{
    private static int _jobs;

    [Test]
    public async Task A_request_reused_50_times_is_posted_with_exactly_its_own_batch_tag_and_stays_unchanged()
    {
        var stub = Created();
        using var client = Hub.Quantum(stub);
        var callersTags = new List<string> { "mine" };
        var request = Bell();
        request.Tags = callersTags;

        var results = await client.SubmitJobsAsync(Enumerable.Repeat(request, 50), new JobBatchOptions { MaxConcurrency = 8, BatchId = "b1" });

        Assert.That(results.All(r => r.Succeeded), Is.True);
        Assert.That(request.Tags, Is.SameAs(callersTags), "the caller's list is not replaced");
        Assert.That(callersTags, Is.EqualTo(new[] { "mine" }), "the caller's list is not changed");
        var bodies = stub.Requests.Where(r => r.Method == HttpMethod.Post).Select(r => JObject.Parse(r.Body!)).ToList();
        Assert.That(bodies, Has.Count.EqualTo(50));
        Assert.That(bodies.Select(b => b["tags"]!.Values<string>().Count()), Is.All.EqualTo(2), "each body has the caller's tag and its own batch tag, nothing else");
        Assert.That(bodies.Select(b => b["tags"]![0]!.Value<string>()), Is.All.EqualTo("mine"));
        Assert.That(bodies.Select(b => b["tags"]![1]!.Value<string>()), Is.EquivalentTo(Enumerable.Range(0, 50).Select(i => $"kipuhub-batch:b1:{i}")));
        for (var i = 0; i < results.Count; i++)
        {
            Assert.That(results[i].Request, Is.Not.SameAs(request));
            Assert.That(results[i].Request.Tags, Is.EqualTo(new[] { "mine", $"kipuhub-batch:b1:{i}" }), "JobSubmission.Request is what was posted for that index");
        }
    }

    [Test]
    public async Task A_request_without_tags_keeps_null_tags_and_the_copy_carries_every_other_field()
    {
        var stub = Created();
        using var client = Hub.Quantum(stub);
        var request = Bell();
        request.Name = "n";
        request.SessionId = "s1";
        request.InputFormat = JobInputFormat.OpenQasmV1;
        request.SdkProvider = JobSdkProvider.Client;
        request.InputParams = new JobInputParams { AdditionalProperties = { ["p"] = 1 } };
        request.AdditionalProperties["x-future-field"] = "kept";
        var expected = JObject.FromObject(request);
        Assert.That(typeof(CreateJobRequest).GetProperties().Select(p => p.Name), Is.EquivalentTo(new[]
        {
            "Name", "BackendId", "Shots", "Input", "InputFormat", "InputParams", "Tags", "SessionId", "SdkProvider", "AdditionalProperties",
        }), "CreateJobRequest has a new property: copy it in JobLifecycle.Tag and set it in this test");

        await client.SubmitJobsAsync([request], new JobBatchOptions { BatchId = "b2" });

        Assert.That(request.Tags, Is.Null);
        var body = JObject.Parse(stub.Requests.Single(r => r.Method == HttpMethod.Post).Body!);
        Assert.That(body["tags"]!.Values<string>(), Is.EqualTo(new[] { "kipuhub-batch:b2:0" }));
        body.Remove("tags");
        Assert.That(JToken.DeepEquals(body, expected), Is.True, $"every other field is posted as the caller set it:\n{body}\nvs\n{expected}");
    }

    [Test]
    public async Task A_submission_refused_before_sending_is_NotSent_and_the_others_are_created()
    {
        var stub = new StubHandler((request, _) =>
        {
            if (Hub.IsBackendGet(request)) return Task.FromResult(Hub.OnlineBackend(request));
            var tags = JObject.Parse(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult())["tags"]!.Values<string>().ToList();
            return tags.Single()!.EndsWith(":1", StringComparison.Ordinal)
                ? throw new HubRequestNotSentException(request, "the circuit breaker is open; try again later.")
                : Task.FromResult(StubHandler.Json(HttpStatusCode.Created, $$"""{"id":"job-{{Interlocked.Increment(ref _jobs)}}","status":"PENDING"}"""));
        });
        using var client = Hub.Quantum(stub);

        var results = await client.SubmitJobsAsync(Enumerable.Range(0, 3).Select(_ => Bell()), new JobBatchOptions { MaxConcurrency = 1 });

        Assert.That(results.Select(r => r.Outcome), Is.EqualTo(new[] { JobSubmissionOutcome.Created, JobSubmissionOutcome.NotSent, JobSubmissionOutcome.Created }));
        Assert.That(results[1].Error, Is.InstanceOf<HubRequestNotSentException>());
        Assert.That(results[1].Job, Is.Null);
        Assert.That(results[1].Succeeded, Is.False);
    }

    [Test]
    public async Task A_lost_answer_is_still_Unknown_not_NotSent()
    {
        var stub = new StubHandler((_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("connection reset")));
        using var client = Hub.Quantum(stub, o => { o.MaxRetries = 0; o.ValidateBeforeSubmit = false; }); // the POST's answer is lost

        var results = await client.SubmitJobsAsync([Bell()]);

        Assert.That(results.Single().Outcome, Is.EqualTo(JobSubmissionOutcome.Unknown));
    }

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.TooManyRequests)]
    [TestCase(null, Description = "connection reset")]
    public async Task A_backend_read_that_fails_during_preflight_is_NotSent_and_nothing_is_posted(HttpStatusCode? status)
    {
        var stub = new StubHandler((request, _) => request.Method == HttpMethod.Post
            ? Task.FromResult(StubHandler.Json(HttpStatusCode.Created, """{"id":"never","status":"PENDING"}"""))
            : status is { } code
                ? Task.FromResult(StubHandler.Json(code, """{"message":"backend service down"}"""))
                : Task.FromException<HttpResponseMessage>(new HttpRequestException("reset", new IOException("connection reset"))));
        using var client = Hub.Quantum(stub, o => o.MaxRetries = 0);

        var results = await client.SubmitJobsAsync([Bell(), Bell()], new JobBatchOptions { MaxConcurrency = 1 });

        Assert.That(results.Select(r => r.Outcome), Is.All.EqualTo(JobSubmissionOutcome.NotSent), "nothing was POSTed, so no job can exist");
        Assert.That(results.Select(r => r.Error), Is.All.InstanceOf<HubRequestNotSentException>());
        Assert.That(results[0].Error!.Message, Does.Contain("No job was sent").And.Contain("ValidateBeforeSubmit"));
        Assert.That(stub.Requests.Select(r => $"{r.Method} {r.Uri.AbsolutePath}"), Is.EqualTo(new[] { "GET /quantum/jobs", "GET /quantum/backends/azure.ionq.simulator", "GET /quantum/backends/azure.ionq.simulator" }),
            "the search boundary read before any POST, then one backend read per item; no POST, and no search for a job that was never sent");
    }

    [Test]
    public async Task An_unknown_backend_found_by_preflight_is_Rejected_with_the_hubs_404()
    {
        var stub = new StubHandler(request => Hub.IsBackendGet(request)
            ? StubHandler.Json(HttpStatusCode.NotFound, """{"status":404,"message":"Backend aws.sim.nope not found"}""")
            : StubHandler.Json(HttpStatusCode.Created, """{"id":"never","status":"PENDING"}"""));
        using var client = Hub.Quantum(stub, o => o.MaxRetries = 0);

        var results = await client.SubmitJobsAsync([Bell()]);

        Assert.That(results.Single().Outcome, Is.EqualTo(JobSubmissionOutcome.Rejected), "a 4xx names a problem the POST would share");
        Assert.That(results.Single().Error, Is.InstanceOf<NotFoundException>());
        Assert.That(stub.Requests.Where(r => r.Method == HttpMethod.Post), Is.Empty);
    }

    [Test]
    public void Cancelling_before_sending_is_the_callers_cancellation_and_posts_nothing()
    {
        var stub = Created();
        using var client = Hub.Quantum(stub);

        Assert.CatchAsync<OperationCanceledException>(() => client.SubmitJobsAsync([Bell(), Bell()], cancellationToken: new CancellationToken(canceled: true)));
        Assert.That(stub.Requests, Is.Empty);
    }

    private static StubHandler Created() =>
        new(request => Hub.IsBackendGet(request)
            ? Hub.OnlineBackend(request)
            : StubHandler.Json(HttpStatusCode.Created, $$"""{"id":"job-{{Interlocked.Increment(ref _jobs)}}","status":"PENDING"}"""));

    private static CreateJobRequest Bell() => new()
    {
        BackendId = "azure.ionq.simulator",
        Shots = 10,
        Input = new AzureIonqSimulatorJobInput
        {
            Gateset = "qis",
            Qubits = 2,
            Circuit = [new IonqCircuitItem { Type = IonqGate.H, Targets = [0] }, new IonqCircuitItem { Type = IonqGate.Cnot, Targets = [1], Controls = [0] }],
        },
    };
}
