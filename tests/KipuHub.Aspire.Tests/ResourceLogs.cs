using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace KipuHub.Aspire.Tests;

/// <summary>
/// Collects a resource's console and log lines, as the dashboard shows them, from before it starts (watching is what
/// makes the orchestrator stream them), and reports when a marker line has arrived.
/// </summary>
internal sealed class ResourceLogs
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource _marker = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _resource;
    private readonly Func<string, bool> _isMarker;
    private readonly string _markerText;
    private readonly Task _watch;

    public ResourceLogs(DistributedApplication app, string resource, string markerText, Func<string, bool> isMarker, CancellationToken cancellationToken)
    {
        _resource = resource;
        _markerText = markerText;
        _isMarker = isMarker;
        _watch = WatchAsync(app.ResourceNotifications, app.Services.GetRequiredService<ResourceLoggerService>(), cancellationToken);
    }

    /// <summary>Waits for the marker line, then returns every line so far.</summary>
    public async Task<IReadOnlyList<string>> UntilMarkerAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _marker.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"'{_markerText}' did not appear in {_resource}'s logs; they were:\n{string.Join('\n', _lines)}");
        }

        return [.. _lines];
    }

    private async Task WatchAsync(ResourceNotificationService notifications, ResourceLoggerService logs, CancellationToken cancellationToken)
    {
        try
        {
            // Logs are kept under the orchestrator's id of the running instance (e.g. kipuhub-abcdef), not the model's name.
            var resourceId = await IdOfAsync(notifications, cancellationToken);
            await foreach (var batch in logs.WatchAsync(resourceId).WithCancellation(cancellationToken))
            {
                foreach (var line in batch)
                {
                    _lines.Enqueue(line.Content);
                    if (_isMarker(line.Content))
                    {
                        _marker.TrySetResult();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The test stopped watching.
        }
    }

    private async Task<string> IdOfAsync(ResourceNotificationService notifications, CancellationToken cancellationToken)
    {
        await foreach (var update in notifications.WatchAsync(cancellationToken))
        {
            if (update.Resource.Name == _resource && update.ResourceId != _resource)
            {
                return update.ResourceId;
            }
        }

        throw new OperationCanceledException(cancellationToken);
    }
}
