using KipuHub.Emulator.Quantum;

namespace KipuHub.Emulator;

/// <summary>A stored record that belongs to one caller context (<see cref="Http.CallerContext.OwnerKey"/>).</summary>
internal abstract class OwnedRecord : StoredRecord, IOwnedRecord
{
    public required string OwnerKey { get; init; }
}
