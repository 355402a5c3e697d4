using System.Diagnostics;
using System.Globalization;
using KipuHub.Emulator;
using KipuHub.Generated.Quantum;
using KipuHub.Waiting;

namespace KipuHub.Demo;

/// <summary>Runs a Bell circuit with <see cref="HubQuantumClient.RunJobAsync"/>, shows its status live and prints the histogram.</summary>
internal static class BellDemo
{
    private const string BackendId = "azure.ionq.simulator";
    private const int Shots = 1000;
    private const int BarWidth = 40;

    /// <summary>The demo's last line: what changes for the real Hub (the README's Quickstart is that code).</summary>
    internal const string NextStep =
        "Next, the real Hub: set KQH_PERSONAL_ACCESS_TOKEN to your token and give the client Credential = new DefaultCredentialsProvider() instead of BaseUrl and ApiKey (README, Quickstart).";

    // The local emulator finishes jobs in milliseconds; against the real Hub, leave WaitOptions at its defaults.
    private static readonly WaitOptions LocalPolling = new() { MinInterval = TimeSpan.FromMilliseconds(10), MaxInterval = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<int> RunAsync(KipuHubEmulator hub, TextWriter output, CancellationToken cancellationToken)
    {
        using var client = new HubQuantumClient(new HubQuantumClientOptions { BaseUrl = hub.QuantumBaseUrl, ApiKey = hub.AccessToken });

        output.WriteLine($"KipuHub demo: local Hub emulator at {hub.QuantumBaseUrl}");
        output.WriteLine();
        var backend = await client.Backends.GetBackendAsync(BackendId, cancellationToken).ConfigureAwait(false);
        output.WriteLine($"  backend  {backend.Id} ({backend.DisplayName}, {backend.Status}, {backend.Configuration?.QubitCount} qubits)");
        output.WriteLine($"  circuit  Bell pair: h q0, cnot q0->q1 (IonQ QIS), {Shots} shots");
        var check = await client.ValidateJobAsync(BellJob(), cancellationToken).ConfigureAwait(false);
        output.WriteLine($"  preflight {(check.IsValid ? "ok" : string.Join("; ", check.Problems.Select(p => p.Code)))}");
        var estimate = await client.EstimateCostAsync(BellJob(), cancellationToken).ConfigureAwait(false);
        output.WriteLine(FormattableString.Invariant($"  estimate {estimate.Total} {estimate.Currency ?? "(free of charge)"}"));

        var clock = Stopwatch.StartNew();
        var live = new StatusPrinter(output, clock);
        try
        {
            var run = await client.RunJobAsync(BellJob(), LocalPolling, live, cancellationToken).ConfigureAwait(false);
            output.WriteLine($"  job      {run.Job.Id}");
            PrintHistogram(output, run.Counts);
            output.WriteLine();
            output.WriteLine(NextStep);
            return 0;
        }
        catch (JobFailedException ex)
        {
            output.WriteLine(ex.Message);
            return 1;
        }
    }

    private static CreateJobRequest BellJob() => new()
    {
        BackendId = BackendId,
        Shots = Shots,
        Name = "bell-demo",
        Input = new AzureIonqSimulatorJobInput
        {
            Gateset = "qis",
            Qubits = 2,
            Circuit =
            {
                new IonqCircuitItem { Type = IonqGate.H, Targets = { 0 } },
                new IonqCircuitItem { Type = IonqGate.Cnot, Controls = [0], Targets = { 1 } },
            },
        },
    };

    private static void PrintHistogram(TextWriter output, IReadOnlyDictionary<string, long> counts)
    {
        var total = counts.Values.Sum();
        output.WriteLine();
        output.WriteLine($"Histogram of {total} shots (bitstrings: qubit 0 rightmost)");
        foreach (var (bits, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var share = (double)count / total;
            var bar = new string('#', (int)Math.Round(share * BarWidth));
            output.WriteLine($"  {bits}  {bar,-BarWidth}  {(share * 100).ToString("0.0", CultureInfo.InvariantCulture),5} %  ({count})");
        }
    }

    /// <summary>Prints each status change as it happens (synchronously, so lines never interleave).</summary>
    private sealed class StatusPrinter(TextWriter output, Stopwatch clock) : IProgress<JobStatus>
    {
        public void Report(JobStatus value) =>
            output.WriteLine($"  status   {value,-10} after {clock.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
    }
}
