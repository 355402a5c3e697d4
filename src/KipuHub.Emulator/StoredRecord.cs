namespace KipuHub.Emulator;

/// <summary>What every record the emulator stores has: an id, its creation order and its creation time.</summary>
internal abstract class StoredRecord
{
    public required string Id { get; init; }

    /// <summary>Creation order across the whole emulator; breaks ties between equal timestamps.</summary>
    public required long Ordinal { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
