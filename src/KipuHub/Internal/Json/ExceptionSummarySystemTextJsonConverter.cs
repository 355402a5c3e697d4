using System.Text.Json;
using System.Text.Json.Serialization;

namespace KipuHub.Internal.Json;

/// <summary>System.Text.Json writes an exception member as its <see cref="ExceptionSummary"/> (write only).</summary>
internal sealed class ExceptionSummarySystemTextJsonConverter : JsonConverter<Exception>
{
    /// <inheritdoc />
    public override Exception? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("An exception summary is written, never read.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Exception value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var member in ExceptionSummary.Members(value))
        {
            writer.WritePropertyName(member.Key);
            switch (member.Value)
            {
                case int number:
                    writer.WriteNumberValue(number);
                    break;
                default:
                    writer.WriteStringValue(member.Value.ToString());
                    break;
            }
        }

        writer.WriteEndObject();
    }
}
