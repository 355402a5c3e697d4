using System.Collections.Concurrent;

namespace KipuHub.Emulator.Quantum;

/// <summary>A thread-safe store of records, each visible only from the context that owns it.</summary>
internal sealed class OwnedStore<T>
    where T : class, IOwnedRecord
{
    private readonly ConcurrentDictionary<string, T> _records = new(StringComparer.Ordinal);

    public int Count => _records.Count;

    public void Add(T record)
    {
        if (!_records.TryAdd(record.Id, record))
        {
            throw new InvalidOperationException($"Duplicate id {record.Id}.");
        }
    }

    /// <summary>The record if it exists and belongs to <paramref name="ownerKey"/>; otherwise null, so that another context's data looks absent.</summary>
    public T? Find(string id, string ownerKey)
        => _records.TryGetValue(id, out var record) && record.OwnerKey == ownerKey ? record : null;

    public bool Remove(string id) => _records.TryRemove(id, out _);

    public T? FindAnyOwner(string id) => _records.TryGetValue(id, out var record) ? record : null;

    public IEnumerable<T> OwnedBy(string ownerKey) => _records.Values.Where(r => r.OwnerKey == ownerKey);

    public IEnumerable<T> All => _records.Values;
}
