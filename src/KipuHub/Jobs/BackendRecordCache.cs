using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using KipuHub.Generated.Quantum;

namespace KipuHub.Jobs;

/// <summary>
/// Backend records for preflight checks and estimates, kept for <see cref="Lifetime"/> on the client's clock so a batch
/// of 1,000 jobs costs one <c>GET /backends/{id}</c> (or up to its concurrency, for the first reads that start
/// together), while a backend that goes OFFLINE is seen within a minute.
/// </summary>
/// <remarks>
/// One cache per options object (<see cref="For"/>), so the transient clients <c>AddKipuHub</c> builds from one
/// registration's options share it; entries are keyed by base URL and backend id. Each read that misses fetches with
/// its own caller's token, so cancelling one read never fails another; a failed GET is not kept.
/// </remarks>
internal sealed class BackendRecordCache(TimeProvider time)
{
    /// <summary>How long a backend record is trusted: 60 seconds.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private static readonly ConditionalWeakTable<HubQuantumClientOptions, BackendRecordCache> ByOptions = [];

    private readonly ConcurrentDictionary<string, (Backend Backend, DateTimeOffset FetchedAt)> _records = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The cache shared by every client built from <paramref name="options"/>.</summary>
    public static BackendRecordCache For(HubQuantumClientOptions options, TimeProvider time) =>
        ByOptions.GetValue(options, _ => new BackendRecordCache(time));

    /// <summary>The record of <paramref name="backendId"/> at <paramref name="baseUrl"/>, cached or fetched now with <paramref name="fetch"/>.</summary>
    public async Task<Backend> GetAsync(Uri baseUrl, string backendId, Func<string, CancellationToken, Task<Backend>> fetch, CancellationToken cancellationToken)
    {
        var key = baseUrl.AbsoluteUri + "\n" + backendId;
        var now = time.GetUtcNow();
        if (_records.TryGetValue(key, out var cached) && now - cached.FetchedAt < Lifetime) return cached.Backend;
        var backend = await fetch(backendId, cancellationToken).ConfigureAwait(false);
        _records[key] = (backend, now);
        return backend;
    }
}
