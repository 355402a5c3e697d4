namespace KipuHub.Emulator.Platform;

/// <summary>
/// The operations of <c>specs/platform.json</c>, read from the copy embedded at build time, so the emulator's routes
/// follow the spec the clients are generated from.
/// </summary>
internal static class PlatformSpec
{
    private const string ResourceName = "KipuHub.Emulator.platform.json";
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private static readonly Lazy<IReadOnlyList<PlatformOperation>> All = new(Load);

    /// <summary>Every operation, in the spec's order.</summary>
    public static IReadOnlyList<PlatformOperation> Operations => All.Value;

    private static List<PlatformOperation> Load()
    {
        var spec = EmbeddedJson.Read(ResourceName, "specs/platform.json");
        var operations = new List<PlatformOperation>();
        foreach (var (path, item) in (JObject)spec["paths"]!)
        {
            foreach (var method in Methods)
            {
                if (item?[method]?["operationId"]?.Value<string>() is { } operationId)
                {
                    operations.Add(new PlatformOperation(method.ToUpperInvariant(), path, operationId));
                }
            }
        }

        return operations;
    }
}
