using System.Collections.Concurrent;
using KipuHub.Emulator.Faults;

namespace KipuHub.Emulator.Diagnostics;

/// <summary>
/// Every request the emulator received, oldest first (thread-safe), for tests that count calls, e.g. "exactly one
/// <c>POST /quantum/jobs</c>". A request is logged as soon as it arrives, so it is visible before the client has read the response.
/// </summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RecordedRequest> _entries = new();
    private readonly int _capacity;

    internal RequestLog(int capacity) => _capacity = Math.Max(1, capacity);

    /// <summary>The number of requests kept.</summary>
    public int Count => _entries.Count;

    /// <summary>A snapshot of the kept requests, oldest first.</summary>
    /// <returns>The requests.</returns>
    public IReadOnlyList<RecordedRequest> Snapshot() => _entries.ToArray();

    /// <summary>The kept requests with this method and a path matching the pattern (same syntax as <see cref="FaultRule.PathPattern"/>).</summary>
    /// <param name="method">The HTTP method (case-insensitive), or null for all.</param>
    /// <param name="pathPattern">E.g. <c>/quantum/jobs</c> or <c>/quantum/jobs/*/status</c>.</param>
    /// <returns>The matching requests, oldest first.</returns>
    public IReadOnlyList<RecordedRequest> Find(string? method, string pathPattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathPattern);
        return _entries.Where(r => (method is null || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase))
            && PathMatcher.IsMatch(pathPattern, r.Path)).ToArray();
    }

    /// <summary>Counts the kept requests with this method and a matching path.</summary>
    /// <param name="method">The HTTP method (case-insensitive), or null for all.</param>
    /// <param name="pathPattern">E.g. <c>/quantum/jobs</c>.</param>
    /// <returns>The count.</returns>
    public int CountOf(string? method, string pathPattern) => Find(method, pathPattern).Count;

    /// <summary>Forgets every request.</summary>
    public void Clear() => _entries.Clear();

    internal void Add(RecordedRequest request)
    {
        _entries.Enqueue(request);
        while (_entries.Count > _capacity && _entries.TryDequeue(out _))
        {
        }
    }
}
