using System.Globalization;
using KipuHub.Generated.Quantum;
using Newtonsoft.Json.Linq;

namespace KipuHub.Jobs;

/// <summary>
/// The preflight rules: a job checked against its backend's record (<c>GET /backends/{id}</c>) the way the Hub checks it
/// at POST, so a job the Hub would reject is found before it is sent. Pure: no I/O, the clock passed in.
/// </summary>
internal static class JobPreflight
{
    public static JobPreflightResult Check(CreateJobRequest request, Backend backend, DateTimeOffset now)
    {
        var problems = new List<JobPreflightProblem>();
        var config = backend.Configuration;
        var id = backend.Id ?? request.BackendId;
        CheckStatus(backend, id, problems);
        if (config is not null)
        {
            CheckShots(request, config, id, problems);
            CheckFormat(request, config, id, problems);
            CheckQubits(request, config, id, problems);
            CheckGates(request, config, id, problems);
            CheckPhotons(request, config, id, problems);
        }

        CheckAvailability(backend, id, now, problems);
        return new JobPreflightResult(backend, problems);
    }

    private static void CheckStatus(Backend backend, string id, List<JobPreflightProblem> problems)
    {
        // A PAUSED backend queues jobs (they wait until it resumes), so only OFFLINE and RETIRED refuse them.
        if (backend.Status == BackendStatus.Offline || backend.Status == BackendStatus.Retired)
            problems.Add(new(JobPreflightProblemCode.BackendUnavailable, $"Backend '{id}' is {backend.Status} and accepts no jobs. Choose an ONLINE backend (GetLeastBusyBackendAsync or SelectBackendAsync)."));
    }

    private static void CheckShots(CreateJobRequest request, Configuration config, string id, List<JobPreflightProblem> problems)
    {
        // A Perceval job may send 0 shots and take them from its payload's max_shots (hub-facts-2026.md Quantum API 3).
        var shots = request.Shots == 0 && request.Input is PercevalJobInput perceval ? MaxShots(perceval) : request.Shots;
        if (shots is not { } n || config.ShotsRange is not { } range) return;
        if ((range.Min is { } min && n < min) || (range.Max is { } max && n > max))
            problems.Add(new(JobPreflightProblemCode.ShotsOutOfRange, $"The job asks for {n} shots, but backend '{id}' accepts {range.Min?.ToString(CultureInfo.InvariantCulture) ?? "any"} to {range.Max?.ToString(CultureInfo.InvariantCulture) ?? "any"} (configuration.shots_range). Set Shots within that range."));
    }

    private static void CheckFormat(CreateJobRequest request, Configuration config, string id, List<JobPreflightProblem> problems)
    {
        if (request.InputFormat is not { } format || config.SupportedInputFormats is not { Count: > 0 } formats || formats.Contains(format)) return;
        problems.Add(new(JobPreflightProblemCode.UnsupportedInputFormat, $"input_format {format} is not supported by backend '{id}'; it accepts {string.Join(", ", formats)} (configuration.supported_input_formats). Set InputFormat to one of them or leave it unset."));
    }

    private static void CheckQubits(CreateJobRequest request, Configuration config, string id, List<JobPreflightProblem> problems)
    {
        if (config.QubitCount is not { } available || QubitsOf(request.Input) is not { } used || used <= available) return;
        problems.Add(new(JobPreflightProblemCode.TooManyQubits, $"The circuit uses {used} qubits, but backend '{id}' has {available} (configuration.qubit_count). Reduce the circuit or choose a larger backend (SelectBackendAsync with MinQubits = {used})."));
    }

    /// <summary>The qubits a program uses: the IonQ circuit's <c>qubits</c> or its highest target/control + 1, or the QASM declarations.</summary>
    internal static int? QubitsOf(JobInput? input) => input switch
    {
        AzureIonqSimulatorJobInput ionq => Math.Max(ionq.Qubits, ionq.Circuit?.OfType<IonqCircuitItem>().SelectMany(g => (g.Targets ?? []).Concat(g.Controls ?? [])).DefaultIfEmpty(-1).Max() + 1 ?? 0),
        OpenQasm3JobInput { Value: { } program } => QasmQubitCounter.Count(program),
        _ => null,
    };

    private static void CheckGates(CreateJobRequest request, Configuration config, string id, List<JobPreflightProblem> problems)
    {
        // Only the native gate set names hardware gates; QIS gates (h, cnot, ...) are compiled by the provider. A listed
        // but empty gate set refuses every native gate, as the Hub does; no list at all is not ours to judge.
        if (request.Input is not AzureIonqSimulatorJobInput { Gateset: { } gateset } ionq
            || !string.Equals(gateset, "native", StringComparison.OrdinalIgnoreCase)
            || config.Gates is not { } gates) return;
        var known = gates.Select(g => g?.Name).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = (ionq.Circuit ?? []).Select(g => Wire(g?.Type)).Where(n => n is not null && !known.Contains(n)).Distinct().ToList();
        if (unknown.Count > 0)
            problems.Add(new(JobPreflightProblemCode.UnsupportedGate, $"The native circuit uses {string.Join(", ", unknown)}, which backend '{id}' does not list (configuration.gates: {(known.Count == 0 ? "none" : string.Join(", ", known))}). Use those gates or the qis gate set."));
    }

    private static string? Wire(IonqGate? gate) => gate is { } g ? Newtonsoft.Json.JsonConvert.SerializeObject(g).Trim('"') : null;

    private static void CheckPhotons(CreateJobRequest request, Configuration config, string id, List<JobPreflightProblem> problems)
    {
        if (request.Input is not PercevalJobInput perceval || config.PhotonicProperties is not { } limits || InputState(perceval) is not { } state) return;
        var photons = state.Sum();
        var modesOk = (limits.MinModes is not { } minM || state.Length >= minM) && (limits.MaxModes is not { } maxM || state.Length <= maxM);
        var photonsOk = (limits.MinPhotons is not { } minP || photons >= minP) && (limits.MaxPhotons is not { } maxP || photons <= maxP);
        if (!modesOk || !photonsOk)
            problems.Add(new(JobPreflightProblemCode.PhotonicLimitExceeded, $"The input state has {state.Length} modes and {photons} photons; backend '{id}' takes {limits.MinModes} to {limits.MaxModes} modes and {limits.MinPhotons} to {limits.MaxPhotons} photons (configuration.photonic_properties). Change input_state."));
    }

    private static void CheckAvailability(Backend backend, string id, DateTimeOffset now, List<JobPreflightProblem> problems)
    {
        var daily = backend.Availability?.Where(a => string.Equals(a.Granularity, "daily", StringComparison.OrdinalIgnoreCase)).ToList();
        if (daily is not { Count: > 0 }) return;
        // Whole seconds: windows are published to the second with both ends inclusive, so 23:59:59.4 is inside "…-23:59:59".
        var timeOfDay = TimeSpan.FromSeconds(Math.Floor(now.UtcDateTime.TimeOfDay.TotalSeconds));
        foreach (var window in daily)
        {
            if (!TimeSpan.TryParse(window.Start, CultureInfo.InvariantCulture, out var start) || !TimeSpan.TryParse(window.End, CultureInfo.InvariantCulture, out var end)) return; // unreadable: not ours to refuse
            if (start <= end ? timeOfDay >= start && timeOfDay <= end : timeOfDay >= start || timeOfDay <= end) return;
        }

        problems.Add(new(JobPreflightProblemCode.OutsideAvailabilityWindow, $"Backend '{id}' is available only {string.Join(", ", daily.Select(a => $"{a.Start}-{a.End} UTC"))} daily, and it is {timeOfDay:hh\\:mm} UTC now. Submit within a window or choose another backend."));
    }

    private static JObject? Payload(PercevalJobInput input) => input.Value as JObject ?? (input.Value is null ? null : JObject.FromObject(input.Value));

    // long, not int: a max_shots past int is out of every range and is reported as such, not an OverflowException.
    private static long? MaxShots(PercevalJobInput input) => Payload(input)?["max_shots"] is JValue { Type: JTokenType.Integer } v
        ? v.Value is long shots ? shots : long.MaxValue
        : null;

    /// <summary>The Fock state <c>"|1,0,1,0&gt;"</c> of the payload, or null when it names none or is unreadable.</summary>
    private static int[]? InputState(PercevalJobInput input)
    {
        if (Payload(input)?["input_state"] is not JValue { Type: JTokenType.String } raw) return null;
        var text = raw.Value<string>()!;
        int start = text.IndexOf('|', StringComparison.Ordinal), end = text.LastIndexOf('>');
        if (start < 0 || end <= start) return null;
        var parts = text[(start + 1)..end].Split(',');
        var state = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out state[i])) return null;
        }

        return state;
    }
}
