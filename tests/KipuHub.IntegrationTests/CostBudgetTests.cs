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

    [Test]
    public async Task A_batch_stops_at_its_budget_even_when_a_later_job_would_fit()
    {
        // 0.445, 0.445, then 1.75 (1000 shots) crosses 1.00; the free job and the 0.3145 one after it would fit, but the batch stops.
        using var client = Budgeted(1.00m);
        var posts = Hub.Requests.CountOf("POST", "/quantum/jobs");

        var submitted = await client.SubmitJobsAsync([Garnet(100), Garnet(100), Garnet(1000), Circuits.Bell(10), Garnet(10)], new JobBatchOptions { MaxConcurrency = 1 });

        Assert.That(submitted.Select(s => s.Outcome), Is.EqualTo(new[] { JobSubmissionOutcome.Created, JobSubmissionOutcome.Created, JobSubmissionOutcome.NotSent, JobSubmissionOutcome.NotSent, JobSubmissionOutcome.NotSent }));
        var crossing = (JobBudgetExceededException)submitted[2].Error!;
        Assert.That(crossing.BatchStopped, Is.False);
        Assert.That(crossing.Refused.Total, Is.EqualTo(1.75m));
        foreach (var later in submitted.Skip(3).Select(s => (JobBudgetExceededException)s.Error!))
        {
            Assert.That(later.BatchStopped, Is.True);
            Assert.That(later.Refused, Is.SameAs(crossing.Refused), "names the job that crossed the budget");
            Assert.That(later.Message, Does.Contain("batch stopped").And.Contain("Nothing after that job was sent"));
        }

        Assert.That(Hub.Requests.Find("POST", "/quantum/jobs").Skip(posts).Count(), Is.EqualTo(2), "nothing POSTed after the crossing job");
    }

    [Test]
    public async Task A_concurrent_batch_lets_nothing_in_after_the_first_refusal()
    {
        // 0.445, then 1.75, then ten of 0.3145: whichever item crosses 1.00 first, no item may reserve (or POST) after it.
        using var client = QuantumClient();
        var posts = Hub.Requests.CountOf("POST", "/quantum/jobs");
        using var budget = HubCostScope.Begin(1.00m);

        var submitted = await client.SubmitJobsAsync([Garnet(100), Garnet(1000), .. Enumerable.Range(0, 10).Select(_ => Garnet(10))], new JobBatchOptions { MaxConcurrency = 6 });

        var created = submitted.Count(s => s.Outcome == JobSubmissionOutcome.Created);
        Assert.That(submitted.Where(s => s.Error is JobBudgetExceededException { BatchStopped: false }).Count(), Is.EqualTo(1), "one item crossed the budget");
        Assert.That(budget.Budget.Refused, Has.Count.EqualTo(1), "no later item was even weighed against it");
        Assert.That(budget.Budget.Submitted, Has.Count.EqualTo(created), "every reservation was POSTed, and only those");
        Assert.That(budget.Budget.Spent, Is.LessThanOrEqualTo(1.00m));
        Assert.That(submitted.Count(s => s.Outcome == JobSubmissionOutcome.NotSent), Is.EqualTo(12 - created));
        Assert.That(Hub.Requests.CountOf("POST", "/quantum/jobs") - posts, Is.EqualTo(created));
    }

    [Test]
    public async Task A_cost_scope_refuses_the_crossing_submission_and_reports_what_was_spent_and_refused()
    {
        using var client = QuantumClient();
        var posts = Hub.Requests.CountOf("POST", "/quantum/jobs");
        using var budget = HubCostScope.Begin(1.00m);

        await client.SubmitJobAsync(Garnet(100));
        await client.SubmitJobsAsync([Garnet(100)]);
        var ex = Assert.ThrowsAsync<JobBudgetExceededException>(() => client.SubmitJobAsync(Garnet(100)));

        Assert.That(ex!.Scope, Is.SameAs(budget));
        Assert.That(ex.Message, Does.Contain("cost scope").And.Contain("HubCostScope"));
        Assert.That(budget.Budget.Spent, Is.EqualTo(0.89m));
        Assert.That(budget.Budget.Remaining, Is.EqualTo(0.11m));
        Assert.That(budget.Budget.Submitted.Select(e => e.Total), Is.EqualTo(new[] { 0.445m, 0.445m }));
        Assert.That(budget.Budget.Refused.Single().Total, Is.EqualTo(0.445m));
        Assert.That(Hub.Requests.CountOf("POST", "/quantum/jobs") - posts, Is.EqualTo(2));
    }

    [Test]
    public async Task Nested_cost_scopes_each_count_and_the_tighter_one_refuses()
    {
        using var client = QuantumClient();
        using var outer = HubCostScope.Begin(1.00m);
        using (var inner = HubCostScope.Begin(0.50m))
        {
            await client.SubmitJobAsync(Garnet(100));
            Assert.ThrowsAsync<JobBudgetExceededException>(() => client.SubmitJobAsync(Garnet(100)));
            Assert.That((inner.Budget.Spent, outer.Budget.Spent), Is.EqualTo((0.445m, 0.445m)), "the refused job counts in neither");
            Assert.That(outer.Budget.Refused, Is.Empty, "the inner scope refused it");
        }

        Assert.That(HubCostScope.Current, Is.SameAs(outer));
        await client.SubmitJobAsync(Garnet(100));
        var ex = Assert.ThrowsAsync<JobBudgetExceededException>(() => client.SubmitJobAsync(Garnet(100)));
        Assert.That(ex!.Scope, Is.SameAs(outer));
        Assert.That(outer.Budget.Spent, Is.EqualTo(0.89m));
    }

    [Test]
    public async Task A_job_refused_by_a_scope_does_not_count_against_the_clients_MaxCost()
    {
        using var client = Budgeted(0.90m);
        using (HubCostScope.Begin(0.50m))
        {
            await client.SubmitJobAsync(Garnet(100));
            Assert.ThrowsAsync<JobBudgetExceededException>(() => client.SubmitJobAsync(Garnet(100)));
        }

        await client.SubmitJobAsync(Garnet(100));
        var ex = Assert.ThrowsAsync<JobBudgetExceededException>(() => client.SubmitJobAsync(Garnet(100)));
        Assert.That(ex!.Scope, Is.Null, "the client's MaxCost refused it");
        Assert.That(ex.Spent, Is.EqualTo(0.89m), "0.445 in the scope plus 0.445 after it; the one the scope refused never counted");
        Assert.That(ex.Budget, Is.SameAs(client.CostBudget));
    }

    [Test]
    public async Task Jobs_outside_any_scope_fetch_no_estimate()
    {
        using var client = new HubQuantumClient(new HubQuantumClientOptions { ApiKey = Hub.AccessToken, BaseUrl = Hub.QuantumBaseUrl, ValidateBeforeSubmit = false });
        using (HubCostScope.Begin(5m))
        {
        }

        var gets = Hub.Requests.CountOf("GET", "/quantum/backends/*");
        await client.SubmitJobAsync(Garnet(100));

        Assert.That(Hub.Requests.CountOf("GET", "/quantum/backends/*"), Is.EqualTo(gets), "no budget in force: no backend record fetched");
    }

    private HubQuantumClient Budgeted(decimal max) => new(new HubQuantumClientOptions
    {
        ApiKey = Hub.AccessToken,
        BaseUrl = Hub.QuantumBaseUrl,
        MaxCost = max,
    });

    private static CreateJobRequest Garnet(int shots) => new() { BackendId = "aws.iqm.garnet", Shots = shots, Input = new AwsIqmGarnetJobInput { Value = Bell } };
}
