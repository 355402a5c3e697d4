using KipuHub.Generated.Quantum;

namespace KipuHub;

/// <content>Backend selection on top of the generated <see cref="Backends"/> namespace.</content>
public partial class HubQuantumClient
{
    /// <inheritdoc />
    public virtual async Task<Backend?> GetLeastBusyBackendAsync(BackendProvider provider, CancellationToken cancellationToken = default)
    {
        // One observed call (GET /backends?provider=...), whose items carry status and queue_size: the Hub's own
        // least-busy method has no visible path (hub-facts-2026.md Quantum API 7), so none is invented.
        var backends = await Backends.GetBackendsAsync(provider, cancellationToken: cancellationToken).ConfigureAwait(false);
        return backends
            .Where(b => b.Status == BackendStatus.Online && !string.IsNullOrEmpty(b.Id))
            .OrderBy(b => b.QueueSize is null ? 1 : 0)
            .ThenBy(b => b.QueueSize)
            .ThenBy(b => b.Id, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
