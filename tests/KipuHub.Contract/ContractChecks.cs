using System.Globalization;
using System.Text;
using KipuHub.Contract.Capture;
using KipuHub.Contract.Validation;
using KipuHub.Emulator.Diagnostics;
using Microsoft.AspNetCore.Builder;

namespace KipuHub.Contract;

/// <summary>
/// Installs the contract checks into every emulator this process starts (through the emulator's test seam,
/// <c>TrafficTap</c>), and reports and asserts what they found. A test project turns them on with a
/// <see cref="ContractCheckRun"/> set-up fixture; set <c>KIPUHUB_CONTRACT_CHECKS=off</c> to run without them
/// (to measure their cost).
/// </summary>
public static class ContractChecks
{
    /// <summary>The environment variable that turns the checks off when set to <c>off</c>.</summary>
    public const string SwitchVariable = "KIPUHUB_CONTRACT_CHECKS";

    /// <summary>What the checks saw in this process.</summary>
    public static ContractLedger Ledger { get; } = new();

    /// <summary>False when <see cref="SwitchVariable"/> is <c>off</c>.</summary>
    public static bool Enabled => !string.Equals(Environment.GetEnvironmentVariable(SwitchVariable), "off", StringComparison.OrdinalIgnoreCase);

    /// <summary>Validates the traffic of every emulator started from now on.</summary>
    public static void Install()
    {
        if (!Enabled)
        {
            return;
        }

        var validator = ContractValidator.Specs;
        TrafficTap.Attach = (app, routes) =>
        {
            // The route table is complete only once the emulator has mapped its routes, i.e. by its first request.
            var implemented = new Lazy<IReadOnlyList<string>>(() => ImplementedOperations(routes, validator));
            app.Use((context, next) =>
            {
                Ledger.AddImplemented(implemented.Value);
                return ContractMiddleware.InvokeAsync(context, next, Ledger, validator);
            });
        };
    }

    /// <summary>Stops validating emulators started from now on.</summary>
    public static void Uninstall() => TrafficTap.Attach = null;

    /// <summary>The report: totals, exclusions, each operation with its validated exchanges, violations.</summary>
    /// <param name="title">The heading (the test project).</param>
    /// <returns>Markdown text.</returns>
    public static string Report(string title)
    {
        var ledger = Ledger;
        var all = ContractValidator.Specs.OperationKeys.ToList();
        var implemented = ledger.ImplementedOperations.ToHashSet(StringComparer.Ordinal);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Contract checks: {title}").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- exchanges validated: {ledger.Exchanges} ({ledger.BodiesValidated} bodies against a schema; {ledger.Oversized} with a body not recorded (not JSON, or over {ContractMiddleware.CaptureLimit / (1024 * 1024)} MiB) judged by status and media type only)")
            .AppendLine(CultureInfo.InvariantCulture, $"- on paths no spec has (404 probes): {ledger.Unmatched}")
            .AppendLine(CultureInfo.InvariantCulture, $"- excluded: {(ledger.Excluded.Count == 0 ? "none" : string.Join(", ", ledger.Excluded.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} {e.Value}")))}")
            .AppendLine(CultureInfo.InvariantCulture, $"- operations exercised: {ledger.ValidatedByOperation.Count} of {all.Count} in the specs; of the {implemented.Count} the emulator implements: {implemented.Count(ledger.ValidatedByOperation.ContainsKey)}")
            .AppendLine(CultureInfo.InvariantCulture, $"- violations: {ledger.Violations.Count}; rejected bad requests (by design of a test): {ledger.RejectedRequests.Count}")
            .AppendLine(CultureInfo.InvariantCulture, $"- validation time: {ledger.ValidationTime.TotalSeconds:F2} s")
            .AppendLine();
        AppendViolations(text, "Violations", ledger.Violations);
        text.AppendLine("| operation | implemented | validated exchanges |").AppendLine("|---|---|---|");
        foreach (var key in all.OrderBy(k => k, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {key} | {(implemented.Contains(key) ? "yes" : "no")} | {ledger.ValidatedByOperation.GetValueOrDefault(key)} |");
        }

        AppendViolations(text, "Rejected bad requests (not failures)", ledger.RejectedRequests.Take(50));
        return text.ToString();
    }

    /// <summary>The implemented operations no test exchanged traffic with.</summary>
    /// <returns>Operation keys, sorted.</returns>
    public static IReadOnlyList<string> UnexercisedImplementedOperations() =>
        Ledger.ImplementedOperations.Where(key => !Ledger.ValidatedByOperation.ContainsKey(key)).Order(StringComparer.Ordinal).ToList();

    private static void AppendViolations(StringBuilder text, string heading, IEnumerable<ContractViolation> violations)
    {
        var list = violations.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"## {heading}").AppendLine();
        foreach (var group in list.GroupBy(v => (v.Operation, v.Status, v.Part, v.Pointer, v.Message)).Take(200))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {group.Count()}x {group.First()}");
        }

        text.AppendLine();
    }

    private static List<string> ImplementedOperations(KipuHubEmulatorRoutes routes, ContractValidator validator)
    {
        var platform = routes.ImplementedPlatformOperations.ToHashSet(StringComparer.Ordinal);
        return routes.Endpoints
            .Select(endpoint => validator.FindOperation(endpoint.Method, endpoint.Pattern))
            .OfType<string>()
            .Where(key => !key.StartsWith("platform ", StringComparison.Ordinal) || platform.Contains(key["platform ".Length..]))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
