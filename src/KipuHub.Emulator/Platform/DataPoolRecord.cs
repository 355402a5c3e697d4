using System.Collections.Concurrent;
using KipuHub.Emulator.Quantum;
using KipuHub.Generated.Platform;

namespace KipuHub.Emulator.Platform;

/// <summary>
/// A data pool: owned by the context that created it (OWNER there) and visible to every context it is shared with,
/// with the share's permission. Files, shares and grants live with it and go when it is deleted.
/// </summary>
internal sealed class DataPoolRecord : OwnedRecord
{
    private readonly object _gate = new();


    public string Name { get; private set; } = string.Empty;
    public string? ShortDescription { get; private set; }
    public string? Description { get; private set; }

    public ConcurrentDictionary<string, DataPoolFileRecord> Files { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, DataPoolShareRecord> Shares { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, DataPoolGrantDto> Grants { get; } = new(StringComparer.Ordinal);

    /// <summary>What a context may do here: OWNER for the owner, the share's permission for a shared context, else null (invisible).</summary>
    public AccessPermission? PermissionOf(string ownerKey)
    {
        if (ownerKey == OwnerKey)
        {
            return AccessPermission.Owner;
        }

        return Shares.Values.FirstOrDefault(s => s.PrincipalKey == ownerKey)?.Permission;
    }

    public void Describe(string? name, string? shortDescription, string? description)
    {
        lock (_gate)
        {
            Name = name ?? Name;
            ShortDescription = shortDescription ?? ShortDescription;
            Description = description ?? Description;
        }
    }

    public DataPoolDto ToModel(string callerKey) => new()
    {
        Id = Id,
        Name = Name,
        ShortDescription = ShortDescription,
        Description = Description,
        CurrentUserPermission = PermissionOf(callerKey),
        CreatedAt = CreatedAt,
    };
}
