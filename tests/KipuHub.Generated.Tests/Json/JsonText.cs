using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KipuHub.Generated.Tests.Json;

/// <summary>Semantic JSON comparison: member order and number spelling (1 vs 1.0) do not matter; strings (dates included) must match exactly.</summary>
internal static class JsonText
{
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return JToken.ReadFrom(reader);
    }

    public static bool SemanticallyEqual(string left, string right) => JToken.DeepEquals(Normalize(Parse(left)), Normalize(Parse(right)));

    public static void AssertEqual(string actual, string expected, string because)
    {
        if (!SemanticallyEqual(actual, expected))
            Assert.Fail(because + "\nexpected: " + expected + "\nactual:   " + actual);
    }

    // Integers and decimals compare by value: Newtonsoft writes 2.0 where System.Text.Json writes 2.
    private static JToken Normalize(JToken token) => token switch
    {
        JObject o => new JObject(o.Properties().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new JProperty(p.Name, Normalize(p.Value)))),
        JArray a => new JArray(a.Select(Normalize)),
        JValue { Type: JTokenType.Integer or JTokenType.Float } v => new JValue(Convert.ToDecimal(v.Value, System.Globalization.CultureInfo.InvariantCulture)),
        _ => token,
    };
}
