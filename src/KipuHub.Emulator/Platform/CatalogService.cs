using KipuHub.Generated.Platform;

namespace KipuHub.Emulator.Platform;

/// <summary>A service of the emulated catalog: a deployed demo service (with a gateway path) or a seeded one (catalog entry only).</summary>
internal sealed record CatalogService(string Id, string Name, string DisplayName, ServiceType Type, ServiceLifecycle Lifecycle, DateTimeOffset CreatedAt, int Order, string? GatewayPath)
{
    public const string Version = "1.0.0";

    public string DefinitionId => Id + "@" + Version;

    /// <summary>The catalog entry; <paramref name="root"/> (scheme, host and port of the request) makes the gateway endpoint absolute.</summary>
    public ServiceDto ToModel(string root) => new()
    {
        Id = Id,
        Name = Name,
        DisplayName = DisplayName,
        CurrentUserPermission = AccessPermission.Viewer,
        ServiceDefinitionId = DefinitionId,
        Type = Type,
        Lifecycle = Lifecycle,
        CreatedAt = CreatedAt,
        BuildStatus = BuildStatus.Success,
        ServiceDefinitions = [ToDefinition(root)],
    };

    public ServiceDefinitionDto ToDefinition(string root) => new()
    {
        Id = DefinitionId,
        Version = Version,
        Name = Name,
        Context = GatewayPath is null ? null : Service.DemoServices.Context,
        Description = DisplayName,
        GatewayEndpoint = GatewayPath is null ? null : root + GatewayPath,
        Type = Type,
        Lifecycle = Lifecycle,
        CreatedAt = CreatedAt,
    };

    public ApiDto ToApi(string root) => new()
    {
        Id = DefinitionId,
        ServiceId = Id,
        Name = Name,
        Context = GatewayPath is null ? null : Service.DemoServices.Context,
        Version = Version,
        Description = DisplayName,
        GatewayEndpoint = GatewayPath is null ? null : root + GatewayPath,
        Lifecycle = Lifecycle,
        ServiceType = Type,
        PricingCategory = PricingCategory.Free,
    };
}
