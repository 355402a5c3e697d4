using KipuHub.Generated.Quantum;
using KipuHub.Jobs;

namespace KipuHub.IntegrationTests;

/// <summary>Cost estimates from the emulator's price lists, and MaxCost stopping a batch before the POST that would cross it.</summary>
[TestFixture]
public class CostBudgetTests : EmulatorFixture
{
    private const string Bell = "OPENQASM 3.0;\nqubit[2] q;\nbit[2] c;\nh q[0];\ncnot q[0], q[1];\nc = measure q;";

    [Test]
    public async Task A_QPU_is_priced_per_task_plus_per_shot()
    {
        using var client = QuantumClient();

        var estimate = await client.EstimateCostAsync(Garnet(shots: 1000));

        Assert.That(estimate.Currency, Is.EqualTo("USD"));
        Assert.That(estimate.Items.Select(i => (i.Granularity, i.Units)), Is.EqualTo(new[] { ("job", 1m), ("shot", 1000m) }));
        Assert.That(estimate.Total, Is.EqualTo(0.30m + 1000 * 0.00145m));
        Assert.That(estimate.Assumptions, Is.Empty);
    }

    [Test]
    public async Task A_free_backend_costs_nothing_and_says_why()
    {
        using var client = QuantumClient();

        var estimate = await client.EstimateCostAsync(Circuits.Bell(1000));

        Assert.That(estimate.Total, Is.Zero);
        Assert.That(estimate.Assumptions.Single(), Does.Contain("free of charge"));
    }

    [Test]
    public async Task A_time_priced_simulator_states_the_run_time_it_assumed()
    {
        using var client = QuantumClient();

        var estimate = await client.EstimateCostAsync(Circuits.BellQasm());

        Assert.That(estimate.Total, Is.EqualTo(0.075m), "one minute at 0.075 USD/minute");
        Assert.That(estimate.Assumptions.Single(), Does.Contain("run time"));
    }

    [Test]
    public async Task A_batch_that_would_cross_the_budget_stops_before_the_crossing_POST()
    {
        // 0.30 + 100 x 0.00145 = 0.445 per job: two fit in 1.00, the third would cross it.
        using var client = Budgeted(1.00m);
        var posts = Hub.Requests.CountOf("POST", "/quantum/jobs");

        var submitted = await client.SubmitJobsAsync(Enumerable.Range(0, 5).Select(_ => Garnet(shots: 100)), new JobBatchOptions { MaxConcurrency = 1 });

        Assert.That(submitted.Select(s => s.Outcome), Is.EqualTo(new[] { JobSubmissionOutcome.Created, JobSubmissionOutcome.Created, JobSubmissionOutcome.NotSent, JobSubmissionOutcome.NotSent, JobSubmissionOutcome.NotSent }));
        var refused = (JobBudgetExceededException)submitted[2].Error!;
        Assert.That(refused.Spent, Is.EqualTo(0.89m), "what was spent");
        Assert.That(refused.Refused.Total, Is.EqualTo(0.445m), "what was refused");
        Assert.That(refused.MaxCost, Is.EqualTo(1.00m));
        var sent = Hub.Requests.Find("POST", "/quantum/jobs").Skip(posts).ToList();
        Assert.That(sent, Has.Count.EqualTo(2), "the request log shows nothing POSTed after the budget was reached");
    }

    [Test]
    public void A_single_submission_over_the_budget_is_refused_and_not_sent()
    {
        using var client = Budgeted(0.10m);
        var posts = Hub.Requests.CountOf("POST", "/quantum/jobs");

        var ex = Assert.ThrowsAsync<JobBudgetExceededException>(() => client.SubmitJobAsync(Garnet(shots: 100)));

        Assert.That(ex!.Message, Does.Contain("MaxCost"));
        Assert.That(Hub.Requests.CountOf("POST", "/quantum/jobs"), Is.EqualTo(posts));
    }

    [Test]
    public async Task Free_jobs_pass_any_budget()
    {
        using var client = Budgeted(0m);

        var job = await client.SubmitJobAsync(Circuits.Bell(10));

        Assert.That(job.Id, Is.Not.Null);
    }

    private HubQuantumClient Budgeted(decimal max) => new(new HubQuantumClientOptions
    {
        ApiKey = Hub.AccessToken,
        BaseUrl = Hub.QuantumBaseUrl,
        MaxCost = max,
    });

    private static CreateJobRequest Garnet(int shots) => new() { BackendId = "aws.iqm.garnet", Shots = shots, Input = new AwsIqmGarnetJobInput { Value = Bell } };
}
