namespace KipuHub.Emulator.Quantum;

/// <summary>A job or a session: what <c>GET /workloads</c> lists, on one backend, optionally inside a service execution.</summary>
internal abstract class WorkloadRecord : OwnedRecord
{
    public required BackendDefinition Backend { get; init; }

    public required IReadOnlyList<string>? Tags { get; init; }

    public required string? ServiceExecutionId { get; init; }
}
