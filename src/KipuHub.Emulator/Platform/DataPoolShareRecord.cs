using KipuHub.Generated.Platform;

namespace KipuHub.Emulator.Platform;

/// <summary>A data pool shared with a user (their personal context) or an organization, with a permission.</summary>
internal sealed class DataPoolShareRecord : StoredRecord
{
    public required string DataPoolId { get; init; }
    public required string PrincipalId { get; init; }
    public required PrincipalType PrincipalType { get; init; }
    public required AccessPermission Permission { get; set; }

    /// <summary>The caller context the share opens the pool to, in <c>CallerContext.OwnerKey</c> form.</summary>
    public string PrincipalKey => (PrincipalType == PrincipalType.Organization ? "org:" : "user:") + PrincipalId;

    public DataPoolShareDto ToModel() => new()
    {
        Id = Id,
        DataPoolId = DataPoolId,
        PrincipalId = PrincipalId,
        PrincipalType = PrincipalType,
        PrincipalName = PrincipalId,
        Permission = Permission,
        CreatedAt = CreatedAt,
    };
}
