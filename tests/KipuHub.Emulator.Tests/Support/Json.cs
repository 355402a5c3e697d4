using Newtonsoft.Json.Linq;

namespace KipuHub.Emulator.Tests.Support;

/// <summary>Small helpers for reading result documents.</summary>
public static class Json
{
    /// <summary>The total of a counts object such as {"00": 503, "11": 497}.</summary>
    public static int Total(JToken? counts) => ((JObject)counts!).Properties().Sum(p => p.Value.Value<int>());
}
