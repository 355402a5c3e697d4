using Newtonsoft.Json;

namespace KipuHub.Internal.Json;

/// <summary>Newtonsoft.Json writes an exception member as its <see cref="ExceptionSummary"/> (write only).</summary>
internal sealed class ExceptionSummaryNewtonsoftConverter : JsonConverter
{
    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => typeof(Exception).IsAssignableFrom(objectType);

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        throw new NotSupportedException("An exception summary is written, never read.");

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is not Exception exception)
        {
            writer.WriteNull();
            return;
        }

        writer.WriteStartObject();
        foreach (var member in ExceptionSummary.Members(exception))
        {
            writer.WritePropertyName(member.Key);
            writer.WriteValue(member.Value);
        }

        writer.WriteEndObject();
    }
}
