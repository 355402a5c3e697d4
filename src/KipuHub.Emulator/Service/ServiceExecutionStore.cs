using System.Collections.Concurrent;

namespace KipuHub.Emulator.Service;

/// <summary>Every service execution, across the demo services (thread-safe).</summary>
internal sealed class ServiceExecutionStore
{
    private readonly ConcurrentDictionary<string, ServiceExecutionRecord> _records = new(StringComparer.Ordinal);

    public void Add(ServiceExecutionRecord record) => _records[record.Id] = record;

    public ServiceExecutionRecord? Find(string id) => _records.TryGetValue(id, out var r) ? r : null;

    public IEnumerable<ServiceExecutionRecord> All => _records.Values;

    public IEnumerable<ServiceExecutionRecord> ForService(string name)
        => _records.Values.Where(r => r.ServiceName == name).OrderBy(r => r.Ordinal);
}
