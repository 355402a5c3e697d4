using System.Diagnostics;
using KipuHub.Diagnostics;
using KipuHub.Generated.Quantum;
using KipuHub.Http.Internal;
using KipuHub.Paging;
using KipuHub.Streaming;
using KipuHub.Waiting;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KipuHub.Jobs;

/// <summary>
/// Waiting, running, streaming, paging and batches on top of a (facade) <see cref="IJobsClient"/>. Stateless apart
/// from its clock; <see cref="HubQuantumClient"/> exposes it.
/// </summary>
internal sealed class JobLifecycle(IJobsClient jobs, IWorkloadsClient workloads, TimeProvider time, WaitOptions defaultWaitOptions)
{
    /// <summary>The largest failure document <see cref="RunJobAsync"/> reads for a <see cref="JobFailedException"/>: 64 KiB.</summary>
    internal const int FailureResultMaxBytes = 64 * 1024;

    /// <summary>How long <see cref="RunJobAsync"/> spends reading a failure document: 10 seconds.</summary>
    internal static readonly TimeSpan FailureResultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs before every POST (HubQuantumClient.Preflight.cs), given the batch of a batch item; throws to send nothing.</summary>
    public Func<CreateJobRequest, BatchBudgetStop?, CancellationToken, Task> Preflight { get; init; } = static (_, _, _) => Task.CompletedTask;

    public Task<Job> WaitForCompletionAsync(string jobId, WaitOptions? options, IProgress<JobStatus>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        return CreatePoller(jobId, options).WaitAsync(progress, ct => jobs.GetJobAsync(jobId, cancellationToken: ct), cancellationToken);
    }

    public IAsyncEnumerable<JobStatus> WatchAsync(string jobId, WaitOptions? options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        return CreatePoller(jobId, options).WatchAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Job>> WaitForAllAsync(IEnumerable<string> jobIds, WaitOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        return await Task.WhenAll(jobIds.Select(id => WaitForCompletionAsync(id, options, null, cancellationToken))).ConfigureAwait(false);
    }

    public async Task<JobResult> RunJobAsync(CreateJobRequest request, WaitOptions? options, IProgress<JobStatus>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = HubDiagnostics.StartActivity("KipuHub.RunJob");
        var created = await SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("kipuhub.job.id", created.Id);
        var job = await WaitForCompletionAsync(created.Id!, options, progress, cancellationToken).ConfigureAwait(false);
        if (job.Status != JobStatus.Completed)
            throw new JobFailedException(job, job.Status == JobStatus.Failed ? await ReadFailureResultAsync(job.Id!, cancellationToken).ConfigureAwait(false) : null);
        // Streamed: the counts are read without building the whole document (a 256 MiB result stays out of memory).
        // A result can lag behind COMPLETED for a moment: a 404 is retried briefly before it is thrown.
        using var file = await LaggingResult.OpenAsync(jobs, job.Id!, time, cancellationToken).ConfigureAwait(false);
        try
        {
            var (kept, omitted) = await ResultDocumentReader.ReadAsync(file.Stream, cancellationToken).ConfigureAwait(false);
            return new JobResult(job, kept, omitted);
        }
        catch (JsonException ex)
        {
            throw new HubResponseFormatException($"The result of job '{job.Id}' is not a readable JSON object ({ResultFormat(ex)}). Download it as bytes with DownloadJobResultAsync to inspect it.", 200, innerException: Sanitized(ex));
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HubTransportException($"Reading the result of job '{job.Id}' failed: the connection broke or the body could not be decoded ({ex.GetType().Name}). The job is done; call RunJobAsync's parts again: ReadJobResultAsync or DownloadJobResultAsync.", requestMayHaveReachedTheHub: true, ex) { Operation = "RunJobAsync" };
        }
    }

    /// <summary>
    /// The Hub answers <c>GET /jobs/{id}/result</c> with 200 for a FAILED job, the error inside (hub-facts-2026.md
    /// Quantum API 4). Best effort: at most <see cref="FailureResultMaxBytes"/> within <see cref="FailureResultTimeout"/>;
    /// anything else (an error status, a larger or unreadable body, a timeout, even cancellation) gives null, so the
    /// caller still gets the <see cref="JobFailedException"/> and never another exception.
    /// </summary>
    private async Task<JToken?> ReadFailureResultAsync(string jobId, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = new CancellationTokenSource(FailureResultTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            using var file = await jobs.GetJobResultStreamAsync(jobId, cancellationToken: linked.Token).ConfigureAwait(false);
            var buffer = new byte[FailureResultMaxBytes + 1];
            var length = 0;
            for (int read; length < buffer.Length && (read = await file.Stream.ReadAsync(buffer.AsMemory(length), linked.Token).ConfigureAwait(false)) > 0;)
            {
                length += read;
            }

            return length > FailureResultMaxBytes ? null : JToken.Parse(System.Text.Encoding.UTF8.GetString(buffer, 0, length));
        }
#pragma warning disable CA1031 // Diagnostics only: whatever the fetch failed with, the caller gets the JobFailedException.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    public async Task<Job> SubmitAsync(CreateJobRequest request, CancellationToken cancellationToken)
    {
        using var activity = HubDiagnostics.StartActivity("KipuHub.SubmitJob", ActivityKind.Client);
        activity?.SetTag("kipuhub.backend.id", request.BackendId);
        await Preflight(request, null, cancellationToken).ConfigureAwait(false);
        var job = await jobs.CreateJobAsync(request, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(job.Id))
            throw new HubResponseFormatException("The Hub accepted the job but returned no id, so it cannot be awaited. Look for it with Jobs.SearchJobsAsync.", 201);
        activity?.SetTag("kipuhub.job.id", job.Id);
        return job;
    }

    public async Task<long> CopyResultToAsync(string jobId, Stream destination, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        ArgumentNullException.ThrowIfNull(destination);
        using var activity = HubDiagnostics.StartActivity("KipuHub.DownloadResult", ActivityKind.Client);
        using var file = await jobs.GetJobResultStreamAsync(jobId, cancellationToken: cancellationToken).ConfigureAwait(false);
        var copied = await StreamCopy.DownloadAsync(file.Stream, StreamCopy.ExpectedLength(file.Headers), destination, $"the result of job '{jobId}'", StreamCopy.PartialDataAdvice, progress, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("kipuhub.bytes", copied);
        return copied;
    }

    public async Task<long> DownloadResultAsync(string jobId, string path, bool overwrite, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var activity = HubDiagnostics.StartActivity("KipuHub.DownloadResult", ActivityKind.Client);
        using var file = await jobs.GetJobResultStreamAsync(jobId, cancellationToken: cancellationToken).ConfigureAwait(false);
        var written = await AtomicFileDownload.SaveAsync(file.Stream, StreamCopy.ExpectedLength(file.Headers), path, overwrite, progress, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("kipuhub.bytes", written);
        return written;
    }

    public async Task<JToken> ReadResultAsync(string jobId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        using var file = await jobs.GetJobResultStreamAsync(jobId, cancellationToken: cancellationToken).ConfigureAwait(false);
        using var text = new NulRefusingReader(new StreamReader(file.Stream));
        using var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None };
        try
        {
            // Parsed straight from the stream: no intermediate string of the whole document. Reading on to the end
            // makes a body cut short of its Content-Length, or content after the document, an error, not a value.
            var document = await JToken.ReadFromAsync(reader, cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new JsonReaderException("The result document has content after its end.", string.Empty, reader.LineNumber, reader.LinePosition, null);
            }

            return document;
        }
        catch (JsonReaderException ex)
        {
            throw new HubResponseFormatException($"The result of job '{jobId}' is not valid JSON ({ResultFormat(ex)}). Download it as bytes with DownloadJobResultAsync to inspect it.", 200, innerException: Sanitized(ex));
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new HubTransportException($"Reading the result of job '{jobId}' failed: the connection broke or the body could not be decoded ({ex.GetType().Name}). Try again, or save it with DownloadJobResultAsync.", requestMayHaveReachedTheHub: true, ex) { Operation = "ReadJobResultAsync" };
        }
    }

    // The generated QuantumPaging (build/templates/facade): the same paging helper as the Platform pageables.
    // Where in the document the JSON broke, never what it said (the text could quote a token).
    private static string ResultFormat(JsonException ex) => ex switch
    {
        JsonReaderException { LineNumber: > 0 } r => $"at line {r.LineNumber}, position {r.LinePosition}",
        _ => "not a JSON object",
    };

    private static JsonException Sanitized(JsonException ex) => ex is JsonReaderException { LineNumber: > 0 } r
        ? new JsonReaderException("The result is not valid JSON.", string.Empty, r.LineNumber, r.LinePosition, null)
        : new JsonReaderException("The result is not a JSON object.");

    public AsyncPageable<Job> GetJobs(int? pageSize, IEnumerable<string>? sort) => jobs.SearchJobsPageable(pageSize, sort);

    public AsyncPageable<Workload> GetWorkloads(int? pageSize, IEnumerable<string>? sort) => workloads.GetWorkloadsPageable(pageSize, sort);

    public async Task<IReadOnlyList<JobSubmission>> SubmitBatchAsync(IEnumerable<CreateJobRequest> requests, JobBatchOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        options ??= new JobBatchOptions();
        if (options.MaxConcurrency < 1) throw new ArgumentOutOfRangeException(nameof(options), options.MaxConcurrency, "JobBatchOptions.MaxConcurrency must be at least 1.");
        BatchResolution.Validate(options);
        var batchId = options.BatchId ?? Guid.NewGuid().ToString("N");
        var items = requests.ToList();
        var results = new JobSubmission[items.Count];
        using var activity = HubDiagnostics.StartActivity("KipuHub.SubmitBatch");
        activity?.SetTag("kipuhub.batch.size", items.Count);
        // Resolved submissions (docs/beyond-the-official-sdks.md#resolved-submissions): the boundary of a later search is read before any POST.
        var resolver = options.ResolveAmbiguousSubmissions && items.Count > 0 ? new SubmissionResolver(jobs) : null;
        var anchor = resolver is null ? null : await resolver.TakeAnchorAsync(cancellationToken).ConfigureAwait(false);
        var budget = new BatchBudgetStop(SubmitOnceAsync);
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken },
            async (index, ct) => results[index] = await budget.SubmitAsync(index, Tag(items[index], batchId, index), ct).ConfigureAwait(false)).ConfigureAwait(false);
        if (resolver is not null)
            await new BatchResolution(resolver, time, options, batchId, budget.SubmitAsync).CompleteAsync(results, anchor!, cancellationToken).ConfigureAwait(false);
        return results;
    }

    /// <summary>One POST of one item: a failed submission is reported; only <see cref="BatchResolution"/> POSTs it again, once it is proven not created.</summary>
    private async Task<JobSubmission> SubmitOnceAsync(int index, CreateJobRequest request, BatchBudgetStop batch, CancellationToken cancellationToken)
    {
        try
        {
            await Preflight(request, batch, cancellationToken).ConfigureAwait(false);
            var job = await jobs.CreateJobAsync(request, cancellationToken).ConfigureAwait(false);
            return new JobSubmission(index, request, job, null, JobSubmissionOutcome.Created);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return new JobSubmission(index, request, null, ex, Classify(ex));
        }
    }

    private static JobSubmissionOutcome Classify(Exception ex) => ex switch
    {
        HubApiException { IsRefusal: true } => JobSubmissionOutcome.Rejected,
        ArgumentException or JobPreflightException => JobSubmissionOutcome.Rejected,
        JobBudgetExceededException => JobSubmissionOutcome.NotSent,
        _ when NeverSent(ex) => JobSubmissionOutcome.NotSent,
        _ => JobSubmissionOutcome.Unknown,
    };

    // Proof that the POST never reached the Hub: the resilience pipeline refused it (HubRequestNotSentException), or no
    // connection was ever established (HubTransportException.RequestMayHaveReachedTheHub is false).
    private static bool NeverSent(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is HubRequestNotSentException or HubTransportException { RequestMayHaveReachedTheHub: false }) return true;
        }

        return false;
    }

    // A copy with a fresh Tags list: the caller's request is never changed (one request object may be passed many
    // times), and each POST carries exactly its own batch tag. Shallow: Input and InputParams are shared, read only.
    private static CreateJobRequest Tag(CreateJobRequest request, string batchId, int index) =>
        JobRequestCopy.Of(request, extraTag: BatchResolution.Token(batchId, index));

    private StatusPoller<JobStatus> CreatePoller(string jobId, WaitOptions? options) =>
        new(WaitSubject.Job, jobId,
            async ct => (await jobs.GetJobStatusAsync(jobId, cancellationToken: ct).ConfigureAwait(false)).Status ?? JobStatus.Unknown,
            static s => s.IsTerminal(), options ?? defaultWaitOptions, time);
}
