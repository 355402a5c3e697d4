namespace KipuHub.Emulator.Quantum;

/// <summary>A stored record that belongs to one caller context.</summary>
internal interface IOwnedRecord
{
    string Id { get; }

    string OwnerKey { get; }

    /// <summary>Creation order across the whole emulator; breaks ties between equal timestamps.</summary>
    long Ordinal { get; }
}
