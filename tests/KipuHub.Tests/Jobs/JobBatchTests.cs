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
        using var client = Hub.Quantum(stub, o => o.MaxRetries = 0);

        var results = await client.SubmitJobsAsync([Bell()]);

        Assert.That(results.Single().Outcome, Is.EqualTo(JobSubmissionOutcome.Unknown));
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
        new(_ => StubHandler.Json(HttpStatusCode.Created, $$"""{"id":"job-{{Interlocked.Increment(ref _jobs)}}","status":"PENDING"}"""));

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
