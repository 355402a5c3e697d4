using System.Diagnostics;
using System.Runtime.CompilerServices;
using KipuHub.Diagnostics;
using KipuHub.Generated.Service;
using KipuHub.Http.Internal;
using KipuHub.Service;
using KipuHub.Streaming;
using KipuHub.Waiting;

namespace KipuHub;

/// <content>Service execution lifecycle: wait, follow logs, run, download result files.</content>
public partial class HubServiceClient
{
    /// <inheritdoc />
    public virtual Task<ServiceExecution> WaitForCompletionAsync(string executionId, WaitOptions? options = null, IProgress<ServiceExecutionStatus>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executionId);
        return CreatePoller(executionId, options).WaitAsync(progress, ct => ServiceApi.GetStatusAsync(executionId, ct), cancellationToken);
    }

    /// <inheritdoc />
    public virtual IAsyncEnumerable<ServiceExecutionStatus> WatchAsync(string executionId, WaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executionId);
        return CreatePoller(executionId, options).WatchAsync(cancellationToken);
    }

    /// <inheritdoc />
    public virtual async IAsyncEnumerable<LogEntry> FollowLogsAsync(string executionId, WaitOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executionId);
        var seen = 0;
        await foreach (var status in WatchAsync(executionId, options, cancellationToken).ConfigureAwait(false))
        {
            // Logs are read after every status change and once more after the end, so the last entries are never missed.
            var logs = await ServiceApi.GetLogsAsync(executionId, cancellationToken).ConfigureAwait(false);
            foreach (var entry in logs.Skip(seen)) yield return entry;
            seen = Math.Max(seen, logs.Count);
            if (status.IsTerminal()) yield break;
        }
    }

    /// <inheritdoc />
    public virtual async Task<ServiceExecutionResult> RunAsync(StartExecutionRequest request, WaitOptions? options = null, IProgress<ServiceExecutionStatus>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = HubDiagnostics.StartActivity("KipuHub.InvokeService", ActivityKind.Client);
        var started = await ServiceApi.StartExecutionAsync(request, cancellationToken).ConfigureAwait(false);
        var id = started.Id ?? throw new HubResponseFormatException("The service accepted the execution but returned no id, so it cannot be awaited.", 201);
        activity?.SetTag("kipuhub.service_execution.id", id);
        var execution = await WaitForCompletionAsync(id, options, progress, cancellationToken).ConfigureAwait(false);
        if (execution.Status != ServiceExecutionStatus.Succeeded)
        {
            var logs = await ServiceApi.GetLogsAsync(id, cancellationToken).ConfigureAwait(false);
            throw new ServiceExecutionFailedException(execution, logs.LastOrDefault()?.Message);
        }
        var result = await ServiceApi.GetResultAsync(id, cancellationToken).ConfigureAwait(false);
        return new ServiceExecutionResult(execution, result);
    }

    /// <inheritdoc />
    public virtual async Task<long> CopyResultFileToAsync(string executionId, string fileName, Stream destination, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var file = await OpenResultFileAsync(executionId, fileName, cancellationToken).ConfigureAwait(false);
        return await StreamCopy.DownloadAsync(file.Stream, StreamCopy.ExpectedLength(file.Headers), destination,
            $"result file '{fileName}' of execution '{executionId}'", StreamCopy.PartialDataAdvice, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public virtual async Task<long> DownloadResultFileAsync(string executionId, string fileName, string path, bool overwrite = false, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var file = await OpenResultFileAsync(executionId, fileName, cancellationToken).ConfigureAwait(false);
        return await AtomicFileDownload.SaveAsync(file.Stream, StreamCopy.ExpectedLength(file.Headers), path, overwrite, progress, cancellationToken).ConfigureAwait(false);
    }

    private Task<ServiceFileResponse> OpenResultFileAsync(string executionId, string fileName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        return ServiceApi.GetResultFileAsync(executionId, fileName, cancellationToken);
    }

    private StatusPoller<ServiceExecutionStatus> CreatePoller(string executionId, WaitOptions? options) =>
        new(WaitSubject.ServiceExecution, executionId,
            async ct => (await ServiceApi.GetStatusAsync(executionId, ct).ConfigureAwait(false)).Status ?? ServiceExecutionStatus.Unknown,
            static s => s.IsTerminal(), options ?? Core.DefaultWaitOptions, Core.TimeProvider);
}
