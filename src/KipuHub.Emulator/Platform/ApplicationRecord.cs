using KipuHub.Emulator.Quantum;
using KipuHub.Generated.Platform;

namespace KipuHub.Emulator.Platform;

/// <summary>An application (a consumer of services), owned by the context that created it.</summary>
internal sealed class ApplicationRecord : OwnedRecord
{
    public required string Name { get; set; }
    public string? Description { get; set; }

    public ApplicationDto ToModel(int subscriptionCount) => new()
    {
        Id = Id,
        Name = Name,
        Description = Description,
        CurrentUserPermission = AccessPermission.Owner,
        SubscriptionCount = subscriptionCount,
        CreatedAt = CreatedAt,
    };
}
