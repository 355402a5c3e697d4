namespace KipuHub.Jobs;

/// <summary>How <see cref="IHubQuantumClient.SelectBackendAsync"/> orders the backends that match.</summary>
public enum BackendSelectionOrder
{
    /// <summary>Shortest queue (<c>queue_size</c>) first; an unknown queue last.</summary>
    QueueSize,

    /// <summary>Lowest estimated cost of <see cref="BackendSelectionCriteria.Job"/> first (free backends first); needs a job.</summary>
    EstimatedCost,
}
