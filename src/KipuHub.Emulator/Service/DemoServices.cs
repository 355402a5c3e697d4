namespace KipuHub.Emulator.Service;

/// <summary>Where the demo services live: <c>/gateway/kipu-demo/{name}/1.0.0/</c>, like the real gateway's context/service/version.</summary>
internal static class DemoServices
{
    public const string Context = "kipu-demo";
    public const string Version = "1.0.0";

    public static readonly IReadOnlyDictionary<string, DemoServiceKind> ByName = new Dictionary<string, DemoServiceKind>(StringComparer.Ordinal)
    {
        ["echo"] = DemoServiceKind.Echo,
        ["bell-sampler"] = DemoServiceKind.BellSampler,
    };

    public static IReadOnlyList<string> Names { get; } = ByName.Keys.ToArray();

    public static string ServiceId(string name) => name == "echo" ? "6f1c2a7e-0b1d-4c55-9d1e-ec4000000001" : "6f1c2a7e-0b1d-4c55-9d1e-be1100000002";

    public static string PathOf(string name) => $"/gateway/{Context}/{name}/{Version}/";
}
