using KipuHub.Generated.Quantum;

namespace KipuHub.Jobs;

/// <summary>
/// Opens the result of a job that has just reported COMPLETED. The Hub can answer 404 for a moment after the status
/// changed (the result is still being stored), so a 404 is retried a few times with backoff on the client's clock.
/// </summary>
internal static class LaggingResult
{
    /// <summary>The waits between attempts: 0.5, 1, 2 and 4 seconds (7.5 s in all), then the 404 is thrown.</summary>
    internal static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    /// <summary>Opens the result stream of completed job <paramref name="jobId"/>.</summary>
    /// <exception cref="NotFoundException">The result was still missing after every retry.</exception>
    public static async Task<QuantumFileResponse> OpenAsync(IJobsClient jobs, string jobId, TimeProvider time, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await jobs.GetJobResultStreamAsync(jobId, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (NotFoundException) when (attempt < Backoff.Length)
            {
                await Task.Delay(Backoff[attempt], time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
