using KipuHub.Jobs;

namespace KipuHub.Tests.Jobs;

/// <summary>Issue 15 #2: a cost scope's reservations are all-or-nothing across nested scopes and never cross a budget.</summary>
[TestFixture]
public class HubCostScopeTests
{
    private static JobCostEstimate Costing(decimal amount) => new("b", "USD", [new JobCostItem("job", 1, amount, "USD")], []);

    [Test]
    public void Begin_refuses_a_negative_budget()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HubCostScope.Begin(-0.01m));
        Assert.That(HubCostScope.Current, Is.Null, "nothing was begun");
    }

    [Test]
    public void Dispose_restores_the_outer_scope_and_a_second_dispose_does_nothing()
    {
        using var outer = HubCostScope.Begin(10m);
        var inner = HubCostScope.Begin(1m);
        Assert.That(HubCostScope.Current, Is.SameAs(inner));

        inner.Dispose();
        inner.Dispose();

        Assert.That(HubCostScope.Current, Is.SameAs(outer));
    }

    [Test]
    public void A_reservation_is_all_or_nothing_across_nested_scopes()
    {
        using var outer = HubCostScope.Begin(1m);
        using var inner = HubCostScope.Begin(5m);

        Assert.That(inner.TryReserve(Costing(0.6m)), Is.Null);
        Assert.That(inner.TryReserve(Costing(0.6m)), Is.SameAs(outer), "the outer budget is the one crossed");

        Assert.That((inner.Spent, outer.Spent), Is.EqualTo((0.6m, 0.6m)));
        Assert.That(outer.Refused.Single().Total, Is.EqualTo(0.6m));
        Assert.That(inner.Refused, Is.Empty);
        Assert.That(outer.Remaining, Is.EqualTo(0.4m));
    }

    [Test]
    public void A_zero_budget_lets_free_jobs_through_only()
    {
        using var scope = HubCostScope.Begin(0m);

        Assert.That(scope.TryReserve(Costing(0m)), Is.Null);
        Assert.That(scope.TryReserve(Costing(0.0001m)), Is.SameAs(scope));
    }

    [Test]
    public async Task Concurrent_reservations_never_cross_the_budget()
    {
        using var scope = HubCostScope.Begin(10m);

        var accepted = await Task.WhenAll(Enumerable.Range(0, 400).Select(_ => Task.Run(() => scope.TryReserve(Costing(0.1m)) is null)));

        Assert.That(accepted.Count(a => a), Is.EqualTo(100));
        Assert.That(scope.Spent, Is.EqualTo(10m));
        Assert.That(scope.Submitted, Has.Count.EqualTo(100));
        Assert.That(scope.Refused, Has.Count.EqualTo(300));
    }

    [Test]
    public async Task The_scope_flows_into_tasks_started_inside_it_but_not_out_of_it()
    {
        HubCostScope? seen;
        using (var scope = HubCostScope.Begin(1m))
        {
            seen = await Task.Run(() => HubCostScope.Current);
            Assert.That(seen, Is.SameAs(scope));
        }

        Assert.That(HubCostScope.Current, Is.Null);
    }
}
