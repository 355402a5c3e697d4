using System.Text;
using KipuHub.Benchmarks.Support;
using KipuHub.Emulator;
using Newtonsoft.Json;

namespace KipuHub.Benchmarks.Overhead;

/// <summary>
/// Real response bodies for the per-call benchmarks, captured once from the emulator, so the canned JSON has exactly
/// the shape (and size) the Hub's API returns rather than a hand-typed approximation.
/// </summary>
public sealed class CannedResponses
{
    private static readonly Lazy<CannedResponses> Captured = new(() => CaptureAsync().GetAwaiter().GetResult());

    private CannedResponses(string jobId, byte[] createdJob, byte[] job, byte[] jobStatus, byte[] backends)
    {
        JobId = jobId;
        CreatedJob = createdJob;
        Job = job;
        JobStatus = jobStatus;
        Backends = backends;
    }

    public static CannedResponses Instance => Captured.Value;

    public string JobId { get; }

    public byte[] CreatedJob { get; }

    public byte[] Job { get; }

    public byte[] JobStatus { get; }

    public byte[] Backends { get; }

    public string Describe() =>
        $"POST jobs {CreatedJob.Length} B, GET jobs/{{id}} {Job.Length} B, GET jobs/{{id}}/status {JobStatus.Length} B, GET backends {Backends.Length} B";

    private static async Task<CannedResponses> CaptureAsync()
    {
        await using var hub = await KipuHubEmulator.StartAsync(new KipuHubEmulatorOptions
        {
            Seed = 1,
            JobPendingDuration = TimeSpan.Zero,
            JobRunningDuration = TimeSpan.Zero,
        });
        using var http = hub.CreateQuantumHttpClient();
        var create = new StringContent(JsonConvert.SerializeObject(Workloads.Bell(shots: 100)), Encoding.UTF8, "application/json");
        var created = await ReadAsync(await http.PostAsync("jobs", create));
        var jobId = JsonConvert.DeserializeAnonymousType(Encoding.UTF8.GetString(created), new { id = "" })!.id;
        return new CannedResponses(
            jobId,
            created,
            job: await ReadAsync(await http.GetAsync($"jobs/{jobId}")),
            jobStatus: await ReadAsync(await http.GetAsync($"jobs/{jobId}/status")),
            backends: await ReadAsync(await http.GetAsync("backends")));
    }

    private static async Task<byte[]> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsByteArrayAsync();
        }
    }
}
