using KipuHub.Generated.Quantum;

namespace KipuHub.Jobs;

/// <summary>What <see cref="IHubQuantumClient.SelectBackendAsync"/> looks for; every criterion left null matches any backend.</summary>
public sealed class BackendSelectionCriteria
{
    /// <summary>Gets or sets the provider the backend must belong to (sent as <c>?provider=</c>).</summary>
    public BackendProvider? Provider { get; set; }

    /// <summary>Gets or sets the fewest qubits (<c>configuration.qubit_count</c>) the backend must have.</summary>
    public int? MinQubits { get; set; }

    /// <summary>Gets or sets an input format the backend must accept (<c>configuration.supported_input_formats</c>).</summary>
    public JobInputFormat? InputFormat { get; set; }

    /// <summary>Gets or sets whether the backend must be free of charge (true) or priced (false).</summary>
    public bool? FreeOfCharge { get; set; }

    /// <summary>Gets or sets the order of the result.</summary>
    /// <value>Defaults to <see cref="BackendSelectionOrder.QueueSize"/>.</value>
    public BackendSelectionOrder OrderBy { get; set; } = BackendSelectionOrder.QueueSize;

    /// <summary>Gets or sets the job to price for <see cref="BackendSelectionOrder.EstimatedCost"/> (its backend id is ignored).</summary>
    public CreateJobRequest? Job { get; set; }
}
