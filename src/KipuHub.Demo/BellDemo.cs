using System.Diagnostics;
using System.Globalization;
using KipuHub.Emulator;
using KipuHub.Generated.Quantum;
using Newtonsoft.Json.Linq;

namespace KipuHub.Demo;

/// <summary>Submits a Bell circuit through the generated Quantum clients, shows its status changes and prints the histogram.</summary>
internal static class BellDemo
{
    private const string BackendId = "azure.ionq.simulator";
    private const int Shots = 1000;
    private const int BarWidth = 40;

    public static async Task<int> RunAsync(KipuHubEmulator hub, TextWriter output, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = hub.QuantumBaseUrl };
        http.DefaultRequestHeaders.Add("X-Auth-Token", hub.AccessToken);
        var backends = new BackendsClient(http);
        var jobs = new JobsClient(http);

        output.WriteLine($"KipuHub demo: local Hub emulator at {hub.QuantumBaseUrl}");
        output.WriteLine();
        var backend = await backends.GetBackendAsync(BackendId, cancellationToken).ConfigureAwait(false);
        output.WriteLine($"  backend  {backend.Id} ({backend.DisplayName}, {backend.Status}, {backend.Configuration?.QubitCount} qubits)");
        output.WriteLine($"  circuit  Bell pair: h q0, cnot q0->q1 (IonQ QIS), {Shots} shots");

        var job = await jobs.CreateJobAsync(BellJob(), cancellationToken).ConfigureAwait(false);
        output.WriteLine($"  job      {job.Id}");
        var status = await WaitAsync(jobs, job, output, cancellationToken).ConfigureAwait(false);
        if (status != JobStatus.Completed)
        {
            output.WriteLine($"The job ended {status}; no histogram to show.");
            return 1;
        }

        var result = (JObject)await jobs.GetJobResultAsync(job.Id!, cancellationToken).ConfigureAwait(false);
        PrintHistogram(output, (JObject)result["counts"]!);
        return 0;
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

    /// <summary>Polls the job's status and prints each change until it reaches a terminal state.</summary>
    private static async Task<JobStatus> WaitAsync(JobsClient jobs, Job job, TextWriter output, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        JobStatus? last = null;
        var status = job.Status ?? JobStatus.Unknown;
        while (true)
        {
            if (status != last)
            {
                output.WriteLine($"  status   {status,-10} after {clock.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
                last = status;
            }

            if (status == JobStatus.Completed || status == JobStatus.Failed || status == JobStatus.Cancelled || status == JobStatus.Aborted)
            {
                return status;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken).ConfigureAwait(false);
            status = (await jobs.GetJobStatusAsync(job.Id!, cancellationToken: cancellationToken).ConfigureAwait(false)).Status ?? JobStatus.Unknown;
        }
    }

    private static void PrintHistogram(TextWriter output, JObject counts)
    {
        var total = counts.Properties().Sum(p => p.Value.Value<int>());
        output.WriteLine();
        output.WriteLine($"Histogram of {total} shots (bitstrings: qubit 0 rightmost)");
        foreach (var (bits, count) in counts.Properties().Select(p => (p.Name, p.Value.Value<int>())))
        {
            var share = (double)count / total;
            var bar = new string('#', (int)Math.Round(share * BarWidth));
            output.WriteLine($"  {bits}  {bar,-BarWidth}  {(share * 100).ToString("0.0", CultureInfo.InvariantCulture),5} %  ({count})");
        }
    }
}
