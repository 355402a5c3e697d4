using KipuHub.Jobs;
using KipuHub.Tests.Support;

namespace KipuHub.Tests.Jobs;

/// <summary>Issue 15 #2: budgets reserve all-or-nothing, never cross their limit, and cost scopes nest and flow.</summary>
[TestFixture]
public class HubCostBudgetTests
{
    private static JobCostEstimate Costing(decimal amount) => new("b", "USD", [new JobCostItem("job", 1, amount, "USD")], []);

    [Test]
    public void A_negative_budget_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new HubCostBudget(-0.01m));
        Assert.Throws<ArgumentOutOfRangeException>(() => HubCostScope.Begin(-0.01m));
        Assert.That(HubCostScope.Current, Is.Null, "nothing was begun");
    }

    [Test]
    public void Dispose_restores_the_outer_scope_and_a_second_dispose_does_nothing()
    {
        using var outer = HubCostScope.Begin(10m);
        var inner = HubCostScope.Begin(1m);
        Assert.That(HubCostScope.Current, Is.SameAs(inner));
        Assert.That(inner.Chain(), Is.EqualTo(new[] { inner, outer }));

        inner.Dispose();
        inner.Dispose();

        Assert.That(HubCostScope.Current, Is.SameAs(outer));
    }

    [Test]
    public void A_reservation_is_all_or_nothing_across_budgets()
    {
        var client = new HubCostBudget(5m);
        var tight = new HubCostBudget(1m);

        Assert.That(HubCostBudget.TryReserve(Costing(0.6m), [(client, null), (tight, null)]), Is.Null);
        var refusal = HubCostBudget.TryReserve(Costing(0.6m), [(client, null), (tight, null)]);

        Assert.That((refusal!.Budget, refusal.Spent), Is.EqualTo((tight, 0.6m)), "the tight budget is the one crossed, with what it had spent");
        Assert.That((client.Spent, tight.Spent), Is.EqualTo((0.6m, 0.6m)), "the refused job counts in neither");
        Assert.That(tight.Refused.Single().Total, Is.EqualTo(0.6m));
        Assert.That(client.Refused, Is.Empty);
        Assert.That(tight.Remaining, Is.EqualTo(0.4m));
        Assert.That(tight.ToString(), Is.EqualTo("HubCostBudget: 0.6 of 1 spent (1 submitted, 1 refused)"));
    }

    [Test]
    public void A_zero_budget_lets_free_jobs_through_only()
    {
        var budget = new HubCostBudget(0m);

        Assert.That(HubCostBudget.TryReserve(Costing(0m), [(budget, null)]), Is.Null);
        Assert.That(HubCostBudget.TryReserve(Costing(0.0001m), [(budget, null)])?.Budget, Is.SameAs(budget));
    }

    [Test]
    public async Task Concurrent_reservations_never_cross_the_budget()
    {
        var shared = new HubCostBudget(10m);
        var other = new HubCostBudget(100m);

        var accepted = await Task.WhenAll(Enumerable.Range(0, 400).Select(_ => Task.Run(() => HubCostBudget.TryReserve(Costing(0.1m), [(other, null), (shared, null)]) is null)));

        Assert.That(accepted.Count(a => a), Is.EqualTo(100));
        Assert.That((shared.Spent, other.Spent), Is.EqualTo((10m, 10m)));
        Assert.That(shared.Submitted, Has.Count.EqualTo(100));
        Assert.That(shared.Refused, Has.Count.EqualTo(300));
    }

    [Test]
    public async Task The_scope_flows_into_tasks_started_inside_it_but_not_out_of_it()
    {
        using (var scope = HubCostScope.Begin(1m))
        {
            var seen = await Task.Run(() => HubCostScope.Current);
            Assert.That(seen, Is.SameAs(scope));
        }

        Assert.That(HubCostScope.Current, Is.Null);
    }

    [Test]
    public void A_client_takes_MaxCost_or_a_shared_CostBudget_but_not_both()
    {
        var shared = new HubCostBudget(3m);
        using var own = Hub.Quantum(new StubHandler(), o => o.MaxCost = 2m);
        using var first = Hub.Quantum(new StubHandler(), o => o.CostBudget = shared);
        using var second = Hub.Quantum(new StubHandler(), o => o.CostBudget = shared);

        Assert.That(own.CostBudget!.MaxCost, Is.EqualTo(2m));
        Assert.That((first.CostBudget, second.CostBudget), Is.EqualTo((shared, shared)));
        var ex = Assert.Throws<ArgumentException>(() => Hub.Quantum(new StubHandler(), o =>
        {
            o.MaxCost = 2m;
            o.CostBudget = shared;
        }));
        Assert.That(ex!.Message, Does.Contain("not both").And.Contain("MaxCost").And.Contain("CostBudget"));
    }

    [Test]
    public void A_negative_estimate_reserves_nothing_and_gives_no_credit()
    {
        var budget = new HubCostBudget(1m);

        Assert.That(HubCostBudget.TryReserve(Costing(-5m), [(budget, null)]), Is.Null);

        Assert.That(budget.Spent, Is.Zero);
        Assert.That(HubCostBudget.TryReserve(Costing(1.5m), [(budget, null)]), Is.Not.Null, "still refused at 1");
    }

    [Test]
    public void In_a_batch_nothing_reserves_after_the_stop_and_a_resubmission_keeps_its_first_reservation()
    {
        var budget = new HubCostBudget(1m);
        var batch = new BatchBudgetStop((_, _, _, _) => Task.FromResult<JobSubmission>(null!));
        object first = new(), crossing = new(), small = new();

        Assert.That(HubCostBudget.TryReserve(Costing(0.6m), [(budget, null)], batch, first), Is.Null);
        Assert.That(HubCostBudget.TryReserve(Costing(0.6m), [(budget, null)], batch, first), Is.Null, "the same submission again: no second reservation");
        Assert.That(budget.Spent, Is.EqualTo(0.6m));

        var refused = HubCostBudget.TryReserve(Costing(0.6m), [(budget, null)], batch, crossing);
        var after = HubCostBudget.TryReserve(Costing(0.1m), [(budget, null)], batch, small);

        Assert.That(refused!.BatchStopped, Is.False);
        Assert.That(batch.StoppedBy, Is.SameAs(refused));
        Assert.That(after!.BatchStopped, Is.True, "a job that would fit is not let in after the stop");
        Assert.That(budget.Spent, Is.EqualTo(0.6m));
    }

    [Test]
    public async Task A_disposed_scope_limits_nothing_for_a_task_that_outlives_it()
    {
        HubCostScope scope;
        Task<List<HubCostScope>> late;
        var release = new TaskCompletionSource();
        using (scope = HubCostScope.Begin(0m))
        {
            late = Task.Run(async () =>
            {
                await release.Task;
                return HubCostScope.Current!.Chain().ToList();
            });
        }

        release.SetResult();

        Assert.That(await late, Is.Empty, "the task still sees the scope, but it is disposed");
    }
}
