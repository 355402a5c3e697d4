using System.Net;
using System.Text.Json;
using KipuHub.Generated.Quantum;
using KipuHub.Internal;
using KipuHub.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace KipuHub.Tests.Errors;

/// <summary>Each error's advice fits its cause (issue 13 #9): a result not ready, a wrong base URL, a missing endpoint, an ambiguous job POST.</summary>
[TestFixture]
public class AdviceTests
{
    private MockHttpMessageHandler _mock = null!;

    [SetUp]
    public void SetUp() => _mock = new MockHttpMessageHandler();

    [TearDown]
    public void TearDown() => _mock.Dispose();

    [Test]
    public void Unprocessable_OnTheResultOfAJobNotDone_SaysWaitFirst()
    {
        _mock.When(HttpMethod.Get, Hub.QuantumBase + "jobs/j1/result").Respond(HttpStatusCode.UnprocessableEntity, "application/json", """{"message":"Job j1 is RUNNING"}""");
        _mock.When(HttpMethod.Get, Hub.QuantumBase + "jobs/j1/result-stream").Respond(HttpStatusCode.UnprocessableEntity, "application/json", """{"message":"Job j1 is PENDING"}""");
        using var client = Hub.Quantum(_mock);

        var direct = Assert.ThrowsAsync<UnprocessableEntityException>(() => client.Jobs.GetJobResultAsync("j1"));
        var facade = Assert.ThrowsAsync<UnprocessableEntityException>(() => client.ReadJobResultAsync("j1"));

        foreach (var ex in new[] { direct!, facade! })
        {
            Assert.That(ex.Message, Does.Contain("no result yet").And.Contain("WaitForCompletionAsync"));
            Assert.That(ex.Message, Does.Not.Contain("failed validation"));
        }
    }

    [Test]
    public void Unprocessable_OnASubmission_StillPointsAtTheBody()
    {
        _mock.When(HttpMethod.Post, Hub.QuantumBase + "jobs").Respond(HttpStatusCode.UnprocessableEntity, "application/json", """{"message":"shots must be positive"}""");
        using var client = Hub.Quantum(_mock, o => o.ValidateBeforeSubmit = false); // the Hub's own 422 on the POST

        var ex = Assert.ThrowsAsync<UnprocessableEntityException>(() => client.SubmitJobAsync(Job()));

        Assert.That(ex!.Message, Does.Contain("failed validation"));
    }

    [Test]
    public void NotFound_WithAnHubErrorBody_OnAnId_SaysCheckTheId()
    {
        _mock.When(HttpMethod.Get, Hub.QuantumBase + "jobs/j1").Respond(HttpStatusCode.NotFound, "application/json", """{"status":404,"message":"No job j1"}""");
        using var client = Hub.Quantum(_mock);

        var ex = Assert.ThrowsAsync<NotFoundException>(() => client.Jobs.GetJobAsync("j1"));

        Assert.That(ex!.Message, Does.Contain("Check the id"));
        Assert.That(ex.Message, Does.Not.Contain("base URL is probably wrong"));
    }

    [TestCase("text/html", "<html><body><h1>404 Not Found</h1>nginx</body></html>")]
    [TestCase("text/plain", "Not Found")]
    [TestCase("application/json", "")]
    public void NotFound_WithoutAHubErrorBody_SaysCheckTheBaseUrl(string mediaType, string body)
    {
        _mock.When(HttpMethod.Get, Hub.QuantumBase + "jobs/j1").Respond(HttpStatusCode.NotFound, mediaType, body);
        using var client = Hub.Quantum(_mock);

        var ex = Assert.ThrowsAsync<NotFoundException>(() => client.Jobs.GetJobAsync("j1"));

        Assert.That(ex!.Message, Does.Contain("not a Kipu Hub error").And.Contain("Check the base URL and environment").And.Contain("/quantum/"));
    }

    [Test]
    public void NotFound_OnACollection_SaysTheBaseUrlIsWrong_EvenWithAJsonBody()
    {
        _mock.When(HttpMethod.Get, Hub.QuantumBase + "backends").Respond(HttpStatusCode.NotFound, "application/json", """{"message":"There is no GET /backends on this Hub"}""");
        _mock.When(HttpMethod.Get, Hub.PlatformBase + "services").Respond(HttpStatusCode.NotFound, "application/json", """{"message":"nope"}""");
        using var quantum = Hub.Quantum(_mock);
        using var platform = Hub.Platform(_mock);

        var q = Assert.ThrowsAsync<NotFoundException>(() => quantum.Backends.GetBackendsAsync());
        var p = Assert.ThrowsAsync<NotFoundException>(() => platform.Services.ListServicesAsync());

        Assert.That(q!.Message, Does.Contain("addresses a collection").And.Contain("base URL is probably wrong").And.Not.Contain("Check the id"));
        Assert.That(p!.Message, Does.Contain("base URL is probably wrong").And.Contain("/qc-catalog/"));
    }

    [Test]
    public void NotImplemented_SaysSo_AndNotRetryLater()
    {
        _mock.When(HttpMethod.Get, Hub.QuantumBase + "jobs/j1/calibration").Respond(HttpStatusCode.NotImplemented, "application/json", """{"message":"not implemented"}""");
        using var client = Hub.Quantum(_mock);

        var ex = Assert.ThrowsAsync<HubApiException>(() => client.Jobs.GetJobCalibrationAsync("j1"));

        Assert.That(ex!.StatusCode, Is.EqualTo(501));
        Assert.That(ex.Message, Does.Contain("does not implement Jobs.GetJobCalibrationAsync").And.Contain("retrying will not help"));
        Assert.That(ex.Message, Does.Not.Contain("retry later"));
    }

    [Test]
    public void TimedOutJobPost_WarnsTheJobMayExist_AndTellsHowToFindIt()
    {
        var time = new FakeTimeProvider();
        using var client = Hub.Quantum(StubHandler.Hanging(), o => { o.Timeout = TimeSpan.FromSeconds(5); o.TimeProvider = time; o.ValidateBeforeSubmit = false; });

        var submit = client.SubmitJobAsync(Job());
        var get = client.Jobs.GetJobAsync("j1");
        for (var i = 0; i < 100 && !(submit.IsCompleted && get.IsCompleted); i++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
        }

        var posted = Assert.ThrowsAsync<HubTimeoutException>(() => submit);
        Assert.That(posted!.Message, Does.Contain("may already exist").And.Contain("GetJobsAsync").And.Contain("Unknown"));
        var read = Assert.CatchAsync<HubException>(() => get);
        Assert.That(read!.Message, Does.Not.Contain("may already exist"), "a GET creates nothing");
    }

    [Test]
    public void BrokenConnectionDuringAJobPost_WarnsTheJobMayExist()
    {
        _mock.When(HttpMethod.Post, Hub.QuantumBase + "jobs").Throw(new HttpRequestException("reset", new IOException("connection reset")));
        _mock.When(HttpMethod.Get, Hub.QuantumBase + "jobs/j1").Throw(new HttpRequestException("reset", new IOException("connection reset")));
        using var client = Hub.Quantum(_mock, o => { o.MaxRetries = 0; o.ValidateBeforeSubmit = false; }); // about the POST itself

        var posted = Assert.ThrowsAsync<HubTransportException>(() => client.SubmitJobAsync(Job()));
        var read = Assert.ThrowsAsync<HubTransportException>(() => client.Jobs.GetJobAsync("j1"));

        Assert.That(posted!.RequestMayHaveReachedTheHub, Is.True);
        Assert.That(posted.Message, Does.Contain("may already exist").And.Contain("GetJobsAsync"));
        Assert.That(read!.Message, Does.Not.Contain("may already exist"));
    }

    [Test]
    public void FailedConnectionBeforeAJobPost_DoesNotWarn_NothingWasSent()
    {
        _mock.When(HttpMethod.Post, Hub.QuantumBase + "jobs").Throw(new HttpRequestException(HttpRequestError.ConnectionError, "refused"));
        using var client = Hub.Quantum(_mock, o => { o.MaxRetries = 0; o.ValidateBeforeSubmit = false; }); // about the POST itself

        var posted = Assert.ThrowsAsync<HubTransportException>(() => client.SubmitJobAsync(Job()));

        Assert.That(posted!.RequestMayHaveReachedTheHub, Is.False);
        Assert.That(posted.Message, Does.Not.Contain("may already exist"));
    }

    [TestCase("timeout")]
    [TestCase("reset")]
    [TestCase("503")]
    public void A_failed_backend_read_during_preflight_says_nothing_was_sent_not_that_the_job_may_exist(string failure)
    {
        var time = new FakeTimeProvider();
        var posts = 0;
        var stub = new StubHandler((request, ct) =>
        {
            if (request.Method == HttpMethod.Post) Interlocked.Increment(ref posts);
            return failure switch
            {
                "timeout" => Never(ct),
                "reset" => Task.FromException<HttpResponseMessage>(new HttpRequestException("reset", new IOException("connection reset"))),
                _ => Task.FromResult(StubHandler.Json(HttpStatusCode.ServiceUnavailable, """{"message":"down"}""")),
            };
        });
        using var client = Hub.Quantum(stub, o => { o.MaxRetries = 0; o.Timeout = TimeSpan.FromSeconds(5); o.TimeProvider = time; });

        var submit = client.SubmitJobAsync(Job());
        for (var i = 0; i < 100 && !submit.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
        }

        var ex = Assert.ThrowsAsync<HubRequestNotSentException>(() => submit);
        Assert.That(ex!.Operation, Is.EqualTo("POST /quantum/jobs"));
        Assert.That(ex.Message, Does.Contain("could not read backend 'aws.sim.sv1'").And.Contain("No job was sent").And.Contain("ValidateBeforeSubmit"));
        Assert.That(ex.Message, Does.Not.Contain("may already exist"));
        Assert.That(ex.InnerException, Is.InstanceOf<HubException>());
        Assert.That(posts, Is.Zero);
    }

    /// <summary>The list of collection operations is the specs' operations without path parameters, named as the facade names them.</summary>
    [Test]
    public void CollectionOperations_AreTheSpecsOperationsWithoutPathParameters()
    {
        var specs = FindSpecs();
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in new[] { "quantum.json", "platform.json", "service.json" })
        {
            using var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(specs, file)));
            foreach (var path in spec.RootElement.GetProperty("paths").EnumerateObject().Where(p => !p.Name.Contains('{', StringComparison.Ordinal)))
            {
                foreach (var operation in path.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("operationId", out _)))
                {
                    var id = operation.Value.GetProperty("operationId").GetString()!;
                    var tag = operation.Value.GetProperty("tags")[0].GetString()!;
                    expected.Add($"{tag}.{char.ToUpperInvariant(id[0])}{id[1..]}Async");
                }
            }
        }

        Assert.That(OperationKinds.Collections, Is.EquivalentTo(expected));
    }

    /// <summary>A response that never comes; the client's timeout cancels it (synchronously, so FakeTimeProvider.Advance drives it).</summary>
    private static Task<HttpResponseMessage> Never(CancellationToken cancellationToken)
    {
        var never = new TaskCompletionSource<HttpResponseMessage>();
        cancellationToken.Register(() => never.TrySetCanceled(cancellationToken));
        return never.Task;
    }

    private static CreateJobRequest Job() => new() { BackendId = "aws.sim.sv1", Shots = 1, Input = new AwsSimSv1JobInput { Value = "OPENQASM 3.0;" } };

    private static string FindSpecs()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "specs");
            if (File.Exists(Path.Combine(candidate, "quantum.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("specs/ not found above the test directory.");
    }
}
