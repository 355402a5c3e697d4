using KipuHub.Generated.Quantum;
using KipuHub.Jobs;

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

    /// <inheritdoc />
    public virtual async Task<IReadOnlyList<Backend>> SelectBackendAsync(BackendSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.OrderBy == BackendSelectionOrder.EstimatedCost && criteria.Job is null)
            throw new ArgumentException("BackendSelectionOrder.EstimatedCost needs BackendSelectionCriteria.Job, the job to price.", nameof(criteria));
        var backends = await Backends.GetBackendsAsync(criteria.Provider, cancellationToken: cancellationToken).ConfigureAwait(false);
        var matching = backends.Where(b => Matches(b, criteria)).ToList();
        if (criteria.OrderBy == BackendSelectionOrder.EstimatedCost)
        {
            return matching
                .Select(b => (Backend: b, Cost: JobCostEstimator.Estimate(criteria.Job!, b).Total))
                .OrderBy(x => x.Cost).ThenBy(x => x.Backend.QueueSize ?? int.MaxValue).ThenBy(x => x.Backend.Id, StringComparer.Ordinal)
                .Select(x => x.Backend).ToList();
        }

        return matching.OrderBy(b => b.QueueSize is null ? 1 : 0).ThenBy(b => b.QueueSize).ThenBy(b => b.Id, StringComparer.Ordinal).ToList();
    }

    private static bool Matches(Backend b, BackendSelectionCriteria c) =>
        b.Status == BackendStatus.Online && !string.IsNullOrEmpty(b.Id)
        && (c.Provider is null || b.Provider == c.Provider)
        && (c.MinQubits is not { } min || b.Configuration?.QubitCount >= min)
        && (c.InputFormat is not { } format || b.Configuration?.SupportedInputFormats?.Contains(format) == true)
        && (c.FreeOfCharge is not { } free || (b.FreeOfCharge == true) == free);
}
