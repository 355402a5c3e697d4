using KipuHub.Generated.Quantum;
using KipuHub.Jobs;
using Newtonsoft.Json.Linq;

namespace KipuHub.Tests.Jobs;

/// <summary>
/// Issue 15: a backend record (or a payload) with numbers past what the types hold gives an estimate or a preflight
/// problem that says so, never an OverflowException out of EstimateCostAsync or ValidateJobAsync.
/// </summary>
[TestFixture]
public class HostileBackendRecordTests
{
    private static readonly CreateJobRequest Qasm = new() { BackendId = "b", Shots = 100, Input = new AwsSimSv1JobInput { Value = "OPENQASM 3;\nqubit[1] q;\nh q[0];" } };

    [TestCase(1e30, TestName = "A_price_past_decimal_is_left_out_and_said_so")]
    [TestCase(-0.5, TestName = "A_negative_price_is_left_out_and_said_so")]
    [TestCase(double.PositiveInfinity, TestName = "An_infinite_price_is_left_out_and_said_so")]
    public void A_broken_price_is_left_out_with_an_assumption(double price)
    {
        var backend = new Backend { Id = "b", Costs = [new Cost { Granularity = "shot", Currency = "USD", Value = price }, new Cost { Granularity = "job", Currency = "USD", Value = 0.3 }] };

        var estimate = JobCostEstimator.Estimate(Qasm, backend);

        Assert.That(estimate.Total, Is.EqualTo(0.3m), "the usable price still counts");
        Assert.That(estimate.Assumptions.Single(), Does.Contain("per 'shot'").And.Contain("left out").And.Contain("too low"));
    }

    [Test]
    public void The_largest_plausible_price_times_the_most_shots_stays_inside_decimal()
    {
        var backend = new Backend { Id = "b", Costs = [new Cost { Granularity = "gate-shot", Currency = "USD", Value = (double)JobCostEstimator.MaxUnitPrice }] };
        var request = new CreateJobRequest { BackendId = "b", Shots = int.MaxValue, Input = new AzureIonqSimulatorJobInput { Qubits = 1, Circuit = [.. Enumerable.Range(0, 10_000).Select(_ => new IonqCircuitItem { Type = IonqGate.H, Targets = [0] })] } };

        var estimate = JobCostEstimator.Estimate(request, backend);

        Assert.That(estimate.Total, Is.EqualTo(JobCostEstimator.MaxUnitPrice * 10_000m * int.MaxValue));
    }

    [TestCase("1000000000000", TestName = "A_max_shots_past_int_is_out_of_range_not_an_overflow")]
    [TestCase("100000000000000000000000", TestName = "A_max_shots_past_long_is_out_of_range_not_an_overflow")]
    public void A_huge_max_shots_is_reported_and_priced_without_overflow(string maxShots)
    {
        var request = new CreateJobRequest { BackendId = "q", Shots = 0, Input = new PercevalJobInput { Value = JObject.Parse($$"""{"command":"sample_count","max_shots":{{maxShots}}}""") } };
        var backend = new Backend { Id = "q", Status = BackendStatus.Online, Configuration = new Configuration { ShotsRange = new ShotsRange { Min = 1, Max = 1_000_000 } }, Costs = [new Cost { Granularity = "shot", Currency = "EUR", Value = 0.01 }] };

        var preflight = JobPreflight.Check(request, backend, DateTimeOffset.UnixEpoch);
        var estimate = JobCostEstimator.Estimate(request, backend);

        Assert.That(preflight.Problems.Single().Code, Is.EqualTo(JobPreflightProblemCode.ShotsOutOfRange));
        Assert.That(estimate.Items.Single().Units, Is.LessThanOrEqualTo((decimal)int.MaxValue));
    }

    [TestCase("23:59:59.4", false, TestName = "The_last_fraction_of_a_second_of_the_day_is_inside_the_all_day_window")]
    [TestCase("00:00:00.0", false, TestName = "Midnight_is_inside_the_all_day_window")]
    [TestCase("19:00:00.9", false, TestName = "A_window_end_is_inclusive_to_the_second")]
    [TestCase("19:00:01.0", true, TestName = "The_second_after_a_window_end_is_outside")]
    public void Availability_is_compared_to_the_second(string utcTime, bool outside)
    {
        var now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero) + TimeSpan.Parse(utcTime, System.Globalization.CultureInfo.InvariantCulture);
        var end = utcTime.StartsWith("19", StringComparison.Ordinal) ? "19:00:00" : "23:59:59";
        var backend = new Backend { Id = "b", Status = BackendStatus.Online, Availability = [new AvailabilityTimes { Granularity = "daily", Start = "00:00:00", End = end }] };

        var problems = JobPreflight.Check(Qasm, backend, now).Problems;

        Assert.That(problems.Any(p => p.Code == JobPreflightProblemCode.OutsideAvailabilityWindow), Is.EqualTo(outside));
    }
}
