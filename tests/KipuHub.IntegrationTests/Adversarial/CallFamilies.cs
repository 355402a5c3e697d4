using KipuHub.Generated.Quantum;
using KipuHub.Jobs;
using KipuHub.Paging;
using KipuHub.Waiting;
using Microsoft.Extensions.Logging;

namespace KipuHub.IntegrationTests.Adversarial;

/// <summary>Everything one run needs: the base URL that routes to its case, its logger, its temp dir, its token.</summary>
internal sealed class RunContext
{
    public const int MaxPages = 10;

    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(300);

    public static readonly WaitOptions Wait = new() { MinInterval = TimeSpan.FromMilliseconds(10), MaxInterval = TimeSpan.FromMilliseconds(40), Timeout = TimeSpan.FromMilliseconds(500) };

    public required Uri BaseUrl { get; init; }

    public required ILoggerFactory Logger { get; init; }

    public required int MaxRetries { get; init; }

    public required Baseline Baseline { get; init; }

    public required string TempDirectory { get; init; }

    public required CancellationToken Cancellation { get; init; }

    public HubQuantumClient Quantum() => new(new HubQuantumClientOptions
    {
        ApiKey = Canary.Token, BaseUrl = BaseUrl, Timeout = AttemptTimeout, MaxRetries = MaxRetries, LoggerFactory = Logger, Waiting = Wait,
    });

    public HubServiceClient Service() => new(new HubServiceClientOptions
    {
        Token = Canary.Token, BaseUrl = BaseUrl, Timeout = AttemptTimeout, MaxRetries = MaxRetries, LoggerFactory = Logger, Waiting = Wait,
    });

    public HubPlatformClient Platform() => new(new HubPlatformClientOptions
    {
        ApiKey = Canary.Token, BaseUrl = BaseUrl, Timeout = AttemptTimeout, MaxRetries = MaxRetries, LoggerFactory = Logger, Waiting = Wait,
    });
}

/// <summary>What a family's call returned, beyond "no exception".</summary>
internal sealed class FamilyResult
{
    public byte[]? Bytes { get; init; }

    public string? DownloadPath { get; init; }

    public int Pages { get; init; }

    /// <summary>False when a call that reports per-item outcomes accepted none of the items (every submission failed).</summary>
    public bool AnyItemAccepted { get; init; } = true;

    /// <summary>Errors a call reports inside its value (SubmitJobsAsync's per-item errors).</summary>
    public IReadOnlyList<Exception> ReportedErrors { get; init; } = [];
}

/// <summary>A facade call family: which body it reads, and how to call it.</summary>
internal sealed record CallFamily(string Name, BodyKind Kind, bool ParsesJson, bool Downloads, Func<RunContext, Task<FamilyResult>> Run)
{
    private static readonly FamilyResult Value = new();

    public static readonly IReadOnlyList<CallFamily> All =
    [
        new("Jobs.GetJobAsync", BodyKind.Job, true, false, async c =>
        {
            using var q = c.Quantum();
            await q.Jobs.GetJobAsync(c.Baseline.JobId, cancellationToken: c.Cancellation);
            return Value;
        }),
        new("Jobs.CreateJobAsync", BodyKind.JobCreated, true, false, async c =>
        {
            using var q = c.Quantum();
            await q.Jobs.CreateJobAsync(Circuits.Bell(shots: 10), c.Cancellation);
            return Value;
        }),
        new("SubmitJobsAsync", BodyKind.JobCreated, true, false, async c =>
        {
            using var q = c.Quantum();
            var submissions = await q.SubmitJobsAsync([Circuits.Bell(shots: 10), Circuits.BellQasm(shots: 10)], new JobBatchOptions { MaxConcurrency = 2 }, c.Cancellation);
            return new FamilyResult
            {
                ReportedErrors = submissions.Where(s => s.Error is not null).Select(s => s.Error!).ToList(),
                AnyItemAccepted = submissions.Any(s => s.Outcome == JobSubmissionOutcome.Created),
            };
        }),
        new("Jobs.GetJobStatusAsync", BodyKind.JobStatus, true, false, async c =>
        {
            using var q = c.Quantum();
            await q.Jobs.GetJobStatusAsync(c.Baseline.JobId, cancellationToken: c.Cancellation);
            return Value;
        }),
        new("WaitForCompletionAsync", BodyKind.JobStatus, true, false, async c =>
        {
            using var q = c.Quantum();
            await q.WaitForCompletionAsync(c.Baseline.JobId, RunContext.Wait, cancellationToken: c.Cancellation);
            return Value;
        }),
        new("Jobs.GetJobResultAsync", BodyKind.JobResult, true, false, async c =>
        {
            using var q = c.Quantum();
            await q.Jobs.GetJobResultAsync(c.Baseline.JobId, c.Cancellation);
            return Value;
        }),
        new("ReadJobResultAsync", BodyKind.ResultStream, true, false, async c =>
        {
            using var q = c.Quantum();
            await q.ReadJobResultAsync(c.Baseline.JobId, c.Cancellation);
            return Value;
        }),
        new("DownloadJobResultAsync", BodyKind.ResultStream, false, true, async c =>
        {
            using var q = c.Quantum();
            var path = Path.Combine(c.TempDirectory, "result.json");
            await q.DownloadJobResultAsync(c.Baseline.JobId, path, overwrite: false, cancellationToken: c.Cancellation);
            return new FamilyResult { Bytes = await File.ReadAllBytesAsync(path, CancellationToken.None), DownloadPath = path };
        }),
        new("CopyJobResultToAsync", BodyKind.ResultStream, false, true, async c =>
        {
            using var q = c.Quantum();
            using var destination = new MemoryStream();
            await q.CopyJobResultToAsync(c.Baseline.JobId, destination, cancellationToken: c.Cancellation);
            return new FamilyResult { Bytes = destination.ToArray() };
        }),
        new("Backends.GetBackendsAsync", BodyKind.Backends, true, false, async c =>
        {
            using var q = c.Quantum();
            await q.Backends.GetBackendsAsync(cancellationToken: c.Cancellation);
            return Value;
        }),
        new("GetJobsAsync(pages)", BodyKind.JobsPage, true, false, async c =>
        {
            using var q = c.Quantum();
            var pages = 0;
            await foreach (Page<Job> _ in q.GetJobsAsync(pageSize: 2).AsPages(cancellationToken: c.Cancellation))
            {
                if (++pages > RunContext.MaxPages) break;
            }

            return new FamilyResult { Pages = pages };
        }),
        new("Sessions.GetSessionAsync", BodyKind.Session, true, false, async c =>
        {
            using var q = c.Quantum();
            await q.Sessions.GetSessionAsync(c.Baseline.SessionId, c.Cancellation);
            return Value;
        }),
        new("ServiceApi.GetStatusAsync", BodyKind.ServiceExecution, true, false, async c =>
        {
            using var s = c.Service();
            await s.ServiceApi.GetStatusAsync(c.Baseline.ExecutionId, c.Cancellation);
            return Value;
        }),
        new("ServiceApi.GetResultFileAsync+read", BodyKind.ServiceResultFile, false, true, async c =>
        {
            using var s = c.Service();
            using var file = await s.ServiceApi.GetResultFileAsync(c.Baseline.ExecutionId, Baseline.ResultFileName, c.Cancellation);
            using var destination = new MemoryStream();
            await file.Stream.CopyToAsync(destination, c.Cancellation);
            return new FamilyResult { Bytes = destination.ToArray() };
        }),
        new("Platform.Services.ListServicesPageable", BodyKind.ServicesPage, true, false, async c =>
        {
            using var p = c.Platform();
            var pages = 0;
            await foreach (var _ in p.Services.ListServicesPageable(pageSize: 10, cancellationToken: c.Cancellation).AsPages(cancellationToken: c.Cancellation))
            {
                if (++pages > RunContext.MaxPages) break;
            }

            return new FamilyResult { Pages = pages };
        }),
    ];
}
