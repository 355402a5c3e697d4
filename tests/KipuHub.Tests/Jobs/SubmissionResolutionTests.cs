using System.Net;
using System.Web;
using KipuHub.Generated.Quantum;
using KipuHub.Jobs;
using KipuHub.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KipuHub.Tests.Jobs;

/// <summary>Issue 15 item 4: what a search for a lost submission's token may conclude, and what it must not.</summary>
[TestFixture]
public class SubmissionResolutionTests
{
    [Test]
    public async Task A_job_created_before_its_answer_was_lost_is_reported_Created_with_that_job()
    {
        var hub = new TinyHub(older: 3) { LoseAnswerAfterCreating = true };
        using var client = Hub.Quantum(hub.Handler, o => o.MaxRetries = 0);

        var result = (await client.SubmitJobsAsync([Bell()], Options(resubmit: true))).Single();

        Assert.That(result.Outcome, Is.EqualTo(JobSubmissionOutcome.Created));
        Assert.That(result.ResolvedBySearch, Is.True);
        Assert.That(result.Job!.Id, Is.EqualTo(hub.CreatedIds.Single()));
        Assert.That(result.Error, Is.Not.Null, "the lost answer's error is kept");
        Assert.That(hub.Posts, Is.EqualTo(1), "a job found is never submitted again");
    }

    [Test]
    public async Task A_lost_answer_with_no_job_past_the_boundary_is_NotCreated_and_resubmitted_only_when_asked()
    {
        var hub = new TinyHub(older: 3) { LoseAnswersBeforeCreating = 1 };
        using var client = Hub.Quantum(hub.Handler, o => o.MaxRetries = 0);

        var result = (await client.SubmitJobsAsync([Bell()], Options(resubmit: false))).Single();

        Assert.That(result.Outcome, Is.EqualTo(JobSubmissionOutcome.NotCreated));
        Assert.That(result.ResolvedBySearch, Is.True);
        Assert.That(hub.Posts, Is.EqualTo(1));

        hub.LoseAnswersBeforeCreating = 1;
        var retried = (await client.SubmitJobsAsync([Bell()], Options(resubmit: true))).Single();

        Assert.That(retried.Outcome, Is.EqualTo(JobSubmissionOutcome.Created));
        Assert.That(retried.Attempts, Is.EqualTo(2));
        Assert.That(hub.Posts, Is.EqualTo(3));
        Assert.That(hub.CreatedIds, Has.Count.EqualTo(1), "one job, created by the second POST");
    }

    [Test]
    public async Task A_search_that_stops_before_the_boundary_proves_nothing_and_nothing_is_resubmitted()
    {
        var hub = new TinyHub(older: 3) { LoseAnswersBeforeCreating = 1, NewerForeignJobsPerPost = 5 };
        using var client = Hub.Quantum(hub.Handler, o => o.MaxRetries = 0);

        var result = (await client.SubmitJobsAsync([Bell()], Options(resubmit: true, maxJobs: 4))).Single();

        Assert.That(result.Outcome, Is.EqualTo(JobSubmissionOutcome.Unknown));
        Assert.That(hub.Posts, Is.EqualTo(1));
    }

    [Test]
    public async Task Without_a_readable_boundary_nothing_is_proven_absent_and_nothing_is_resubmitted()
    {
        var hub = new TinyHub(older: 3) { LoseAnswersBeforeCreating = 1, ListingFails = true };
        using var client = Hub.Quantum(hub.Handler, o => o.MaxRetries = 0);

        var result = (await client.SubmitJobsAsync([Bell()], Options(resubmit: true))).Single();

        Assert.That(result.Outcome, Is.EqualTo(JobSubmissionOutcome.Unknown));
        Assert.That(hub.Posts, Is.EqualTo(1));
    }

    [Test]
    public async Task The_end_of_the_list_is_a_boundary_when_there_were_no_jobs_before()
    {
        var hub = new TinyHub(older: 0) { LoseAnswersBeforeCreating = 1 };
        using var client = Hub.Quantum(hub.Handler, o => o.MaxRetries = 0);

        var result = (await client.SubmitJobsAsync([Bell()], Options(resubmit: false))).Single();

        Assert.That(result.Outcome, Is.EqualTo(JobSubmissionOutcome.NotCreated));
    }

    [Test]
    public void Nonsense_resolution_settings_are_refused_before_anything_is_sent()
    {
        var hub = new TinyHub(older: 0);
        using var client = Hub.Quantum(hub.Handler);

        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.SubmitJobsAsync([Bell()], new JobBatchOptions { MaxJobsSearched = 0 }));
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.SubmitJobsAsync([Bell()], new JobBatchOptions { MaxResubmitRounds = -1 }));
        Assert.That(hub.Handler.Requests, Is.Empty);
    }

    private static JobBatchOptions Options(bool resubmit, int? maxJobs = null) =>
        new() { ResolveDelay = TimeSpan.Zero, ResubmitWhenProvenNotCreated = resubmit, MaxJobsSearched = maxJobs };

    private static CreateJobRequest Bell() => new()
    {
        BackendId = "azure.ionq.simulator",
        Shots = 10,
        Input = new AzureIonqSimulatorJobInput { Gateset = "qis", Qubits = 1, Circuit = [new IonqCircuitItem { Type = IonqGate.H, Targets = [0] }] },
    };

    /// <summary>Just enough Hub: jobs listed newest first with paging, and POSTs whose answers it can lose.</summary>
    private sealed class TinyHub
    {
        private readonly List<JObject> _jobs = [];
        private DateTimeOffset _clock = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public TinyHub(int older)
        {
            for (var i = 0; i < older; i++) Add("old-" + i, []);
            Handler = new StubHandler((request, _) => Task.FromResult(Respond(request)));
        }

        public StubHandler Handler { get; }

        public int Posts { get; private set; }

        public List<string> CreatedIds { get; } = [];

        public bool LoseAnswerAfterCreating { get; init; }

        public int LoseAnswersBeforeCreating { get; set; }

        public int NewerForeignJobsPerPost { get; init; }

        public bool ListingFails { get; init; }

        private HttpResponseMessage Respond(HttpRequestMessage request)
        {
            lock (_jobs)
            {
                return request.Method == HttpMethod.Post ? Post(request) : Hub.IsBackendGet(request) ? Hub.OnlineBackend(request) : List(request);
            }
        }

        private HttpResponseMessage Post(HttpRequestMessage request)
        {
            Posts++;
            for (var i = 0; i < NewerForeignJobsPerPost; i++) Add($"foreign-{Posts}-{i}", []);
            if (LoseAnswersBeforeCreating > 0)
            {
                LoseAnswersBeforeCreating--;
                throw new HttpRequestException("connection reset");
            }

            var body = JObject.Parse(request.Content!.ReadAsStringAsync().Result);
            var id = "job-" + Posts;
            CreatedIds.Add(id);
            var job = Add(id, body["tags"]?.Values<string>().OfType<string>().ToArray() ?? []);
            return LoseAnswerAfterCreating ? throw new HttpRequestException("connection reset") : StubHandler.Json(HttpStatusCode.Created, job.ToString());
        }

        private HttpResponseMessage List(HttpRequestMessage request)
        {
            if (ListingFails) return StubHandler.Json(HttpStatusCode.InternalServerError, "{}");
            var query = HttpUtility.ParseQueryString(request.RequestUri!.Query);
            Assert.That(query.GetValues("sort"), Is.EqualTo(new[] { "created_at,desc" }), "the search reads the newest jobs first");
            var page = int.Parse(query["page"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            var size = int.Parse(query["size"] ?? "20", System.Globalization.CultureInfo.InvariantCulture);
            var newestFirst = Enumerable.Reverse(_jobs).ToList();
            var content = new JArray(newestFirst.Skip(page * size).Take(size));
            var pages = (newestFirst.Count + size - 1) / size;
            return StubHandler.Json(HttpStatusCode.OK, new JObject { ["content"] = content, ["page"] = page, ["size"] = size, ["total_elements"] = newestFirst.Count, ["total_pages"] = pages }.ToString());
        }

        private JObject Add(string id, string[] tags)
        {
            _clock = _clock.AddSeconds(1);
            var job = new JObject { ["id"] = id, ["status"] = "PENDING", ["created_at"] = _clock.ToString("O"), ["tags"] = new JArray(tags) };
            _jobs.Add(job);
            return job;
        }
    }
}
