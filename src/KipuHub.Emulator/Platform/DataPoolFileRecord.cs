using KipuHub.Generated.Platform;

namespace KipuHub.Emulator.Platform;

/// <summary>A file of a data pool; its bytes are in the emulator's temporary directory at <see cref="StoragePath"/>.</summary>
internal sealed record DataPoolFileRecord(string Id, string DataPoolId, string Name, string ContentType, long Length, DateTimeOffset CreatedAt, long Ordinal, string StoragePath)
{
    public DataPoolFileDto ToModel() => new()
    {
        Id = Id,
        DataPoolId = DataPoolId,
        Name = Name,
        FullPath = "/" + Name,
        ContentType = ContentType,
        ContentLength = Length,
        CreatedAt = CreatedAt,
    };
}
