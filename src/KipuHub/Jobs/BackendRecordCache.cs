using System.Collections.Concurrent;
using KipuHub.Generated.Quantum;

namespace KipuHub.Jobs;

/// <summary>
/// Backend records for preflight checks, kept for <see cref="Lifetime"/> on the client's clock so a batch of 1,000 jobs
/// costs one <c>GET /backends/{id}</c>, while a backend that goes OFFLINE is seen within a minute.
/// </summary>
internal sealed class BackendRecordCache(Func<string, CancellationToken, Task<Backend>> fetch, TimeProvider time)
{
    /// <summary>How long a backend record is trusted: 60 seconds.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, (Backend Backend, DateTimeOffset FetchedAt)> _records = new(StringComparer.OrdinalIgnoreCase);

    public async Task<Backend> GetAsync(string backendId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_records.TryGetValue(backendId, out var cached) && now - cached.FetchedAt < Lifetime) return cached.Backend;
        var backend = await fetch(backendId, cancellationToken).ConfigureAwait(false);
        _records[backendId] = (backend, now);
        return backend;
    }
}
