using System.Globalization;
using System.Text.RegularExpressions;
using KipuHub.Generated.Quantum;

namespace KipuHub.Jobs;

/// <summary>
/// Prices a job from its backend's <c>costs</c> (<c>{granularity, currency, value}</c>) and <c>free_of_charge</c>.
/// Pure. Per job/task: 1 unit; per shot: the shots; per gate-shot: gates x shots; per time unit: the assumed run time.
/// </summary>
internal static partial class JobCostEstimator
{
    /// <summary>The run time assumed for a time-priced backend, which publishes no duration per shot: one minute.</summary>
    public static readonly TimeSpan AssumedRunTime = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The largest price per unit taken at its word: a billion. Above it (or negative, or not a number) a price is a
    /// broken record, left out with an assumption saying so; it also keeps every amount inside <see cref="decimal"/>.
    /// </summary>
    public const decimal MaxUnitPrice = 1_000_000_000m;

    public static JobCostEstimate Estimate(CreateJobRequest request, Backend backend)
    {
        var id = backend.Id ?? request.BackendId;
        var assumptions = new List<string>();
        if (backend.FreeOfCharge == true)
        {
            assumptions.Add($"Backend '{id}' is free of charge (free_of_charge); its price list is not applied.");
            return new JobCostEstimate(id, null, [], assumptions);
        }

        var items = new List<JobCostItem>();
        foreach (var cost in backend.Costs ?? [])
        {
            if (cost.Value is not { } value || string.IsNullOrWhiteSpace(cost.Granularity)) continue;
            var units = Units(cost.Granularity.Trim().ToLowerInvariant(), request, assumptions);
            if (units is null)
            {
                assumptions.Add($"The price per '{cost.Granularity}' is not a unit the SDK knows; it is left out.");
                continue;
            }

            if (!double.IsFinite(value) || value < 0 || value > (double)MaxUnitPrice)
            {
                assumptions.Add(FormattableString.Invariant($"The price per '{cost.Granularity}' ({value}) is negative, not a number or implausibly large; it is left out, so the estimate may be too low."));
                continue;
            }

            items.Add(new JobCostItem(cost.Granularity, units.Value, (decimal)value, cost.Currency ?? "USD"));
        }

        if (items.Count == 0) assumptions.Add($"Backend '{id}' publishes no price the SDK can apply (costs); the estimate is 0, not a promise that the job is free.");
        var currencies = items.Select(i => i.Currency).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (currencies.Count > 1) assumptions.Add($"The prices are in several currencies ({string.Join(", ", currencies)}); the total adds them unconverted.");
        return new JobCostEstimate(id, currencies.FirstOrDefault(), items, assumptions);
    }

    private static decimal? Units(string granularity, CreateJobRequest request, List<string> assumptions)
    {
        switch (granularity)
        {
            case "job" or "task" or "per_job" or "per_task":
                return 1;
            case "shot" or "shots" or "per_shot":
                return Shots(request, assumptions);
            case "gate-shot" or "gate_shot" or "gateshot" or "per_gate_shot":
                var gates = GateCount(request.Input);
                if (gates is null) { assumptions.Add("The gate count of this input is unknown; the price per gate-shot is applied to 1 gate."); gates = 1; }
                return gates * Shots(request, assumptions);
            case "second" or "seconds" or "s":
                assumptions.Add($"A run time of {AssumedRunTime.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s is assumed: the backend publishes no time per shot.");
                return (decimal)AssumedRunTime.TotalSeconds;
            case "minute" or "minutes" or "min":
                assumptions.Add($"A run time of {AssumedRunTime.TotalMinutes.ToString(CultureInfo.InvariantCulture)} minute(s) is assumed: the backend publishes no time per shot.");
                return (decimal)AssumedRunTime.TotalMinutes;
            case "hour" or "hours" or "h":
                assumptions.Add($"A run time of {AssumedRunTime.TotalMinutes.ToString(CultureInfo.InvariantCulture)} minute(s) is assumed: the backend publishes no time per shot.");
                return (decimal)AssumedRunTime.TotalHours;
            default:
                return null;
        }
    }

    private static decimal Shots(CreateJobRequest request, List<string> assumptions)
    {
        if (request.Shots == 0 && request.Input is PercevalJobInput { Value: Newtonsoft.Json.Linq.JObject payload } && payload["max_shots"] is Newtonsoft.Json.Linq.JValue { Type: Newtonsoft.Json.Linq.JTokenType.Integer } max)
        {
            assumptions.Add("Shots 0: the payload's max_shots is taken as the shot count.");
            // An integer past long (a BigInteger) is priced at int.MaxValue: the Hub refuses such a job anyway.
            return max.Value is long shots ? Math.Clamp(shots, 0, int.MaxValue) : int.MaxValue;
        }

        return Math.Max(0, request.Shots); // a negative count is the Hub's to refuse, never a credit to a budget
    }

    private static decimal? GateCount(JobInput? input) => input switch
    {
        AzureIonqSimulatorJobInput ionq => ionq.Circuit?.Count(g => g is not null) ?? 0,
        OpenQasm3JobInput { Value: { } program } => GateLines().Matches(program).Count,
        _ => null,
    };

    // Statements that apply a gate: not a header, declaration, include or measurement.
    [GeneratedRegex(@"^\s*(?!OPENQASM|include|qubit|qreg|bit|creg|input|output|gate|def|measure|barrier|reset|//)[A-Za-z_][\w.]*\s*(\([^)]*\))?\s+[^=;]*;", RegexOptions.Multiline)]
    private static partial Regex GateLines();
}
