using System.Text.Json;
using System.Text.Json.Serialization;
using Newtonsoft.Json.Linq;

namespace KipuHub.Internal.Json;

/// <summary>
/// Writes a Newtonsoft.Json <see cref="JToken"/> as the JSON it holds, and reads JSON into one. Without it
/// System.Text.Json (ASP.NET Core) writes a <see cref="JObject"/> as nested empty arrays.
/// </summary>
internal sealed class JTokenSystemTextJsonConverter : JsonConverter<JToken>
{
    /// <inheritdoc />
    public override JToken? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return JToken.Parse(document.RootElement.GetRawText());
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, JToken value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.ToString(Newtonsoft.Json.Formatting.None));
}
