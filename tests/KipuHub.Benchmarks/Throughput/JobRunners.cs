using KipuHub.Benchmarks.Overhead;
using KipuHub.Benchmarks.Support;
using KipuHub.Generated.Quantum;
using KipuHub.Waiting;

namespace KipuHub.Benchmarks.Throughput;

/// <summary>One way of running a job to completion: submit, poll the status until it is terminal, fetch the job.</summary>
public interface IJobRunner : IDisposable
{
    string Variant { get; }

    Task<Job> RunAsync(CreateJobRequest request, CancellationToken cancellationToken);
}

/// <summary>The SDK: <c>SubmitJobAsync</c> then <c>WaitForCompletionAsync</c> (which polls the status, then GETs the job).</summary>
public sealed class SdkJobRunner(HubQuantumClient client, WaitOptions wait) : IJobRunner
{
    public string Variant => "sdk";

    public async Task<Job> RunAsync(CreateJobRequest request, CancellationToken cancellationToken)
    {
        var job = await client.SubmitJobAsync(request, cancellationToken).ConfigureAwait(false);
        return await client.WaitForCompletionAsync(job.Id!, wait, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => client.Dispose();
}

/// <summary>
/// The baseline: plain <see cref="HttpClient"/> + Newtonsoft.Json doing the same requests as the SDK (POST, status
/// polls at the same interval, then GET of the finished job, which <c>WaitForCompletionAsync</c> returns).
/// </summary>
public sealed class BaselineJobRunner(HttpClient http, TimeSpan pollInterval) : IJobRunner
{
    private static readonly JobStatus[] Terminal = [JobStatus.Completed, JobStatus.Failed, JobStatus.Aborted, JobStatus.Cancelled];
    private readonly HandWrittenClient _client = new(http);

    public string Variant => "baseline";

    public async Task<Job> RunAsync(CreateJobRequest request, CancellationToken cancellationToken)
    {
        var job = await _client.CreateJobAsync(request, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var status = await _client.GetJobStatusAsync(job.Id!, cancellationToken).ConfigureAwait(false);
            if (status.Status is { } s && Terminal.Contains(s)) break;
            await Task.Delay(pollInterval, cancellationToken).ConfigureAwait(false);
        }

        return await _client.GetJobAsync(job.Id!, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => http.Dispose();
}
