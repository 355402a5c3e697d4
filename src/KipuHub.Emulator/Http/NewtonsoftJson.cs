using System.Text;
using Microsoft.Extensions.Primitives;
using Newtonsoft.Json;

namespace KipuHub.Emulator.Http;

/// <summary>
/// Reads and writes request and response bodies with Newtonsoft.Json, the library the generated clients use, so that
/// the emulator serializes the very model types the clients deserialize (server and client cannot drift).
/// </summary>
internal static class NewtonsoftJson
{
    /// <summary>Settings for every body. Dates stay strings on read so that echoed JSON is returned byte for byte.</summary>
    public static readonly JsonSerializerSettings Settings = new()
    {
        DateParseHandling = DateParseHandling.None,
        NullValueHandling = NullValueHandling.Ignore,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        Formatting = Formatting.None,
    };

    public static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Reads the whole (bounded) body and parses it; malformed JSON becomes a 400 naming line and position.</summary>
    public static async Task<JToken> ReadBodyAsync(HttpContext context, long maxBytes)
    {
        var text = await ReadBodyTextAsync(context, maxBytes).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw HttpProblemException.BadRequest("The request body is empty. Send a JSON object with Content-Type: application/json.");
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader);
            // Trailing garbage after the first value is as malformed as a missing brace.
            if (reader.Read())
            {
                throw new JsonReaderException($"Unexpected content after the JSON value at line {reader.LineNumber}, position {reader.LinePosition}.");
            }

            return token;
        }
        catch (JsonReaderException ex)
        {
            throw HttpProblemException.BadRequest($"The request body is not valid JSON: {ex.Message} Fix the JSON and send it again.");
        }
    }

    /// <summary>Reads a JSON object body; any other JSON value is a 400.</summary>
    public static async Task<JObject> ReadObjectAsync(HttpContext context, long maxBytes)
    {
        var token = await ReadBodyAsync(context, maxBytes).ConfigureAwait(false);
        return token as JObject
            ?? throw HttpProblemException.BadRequest($"The request body must be a JSON object, not {Describe(token.Type)}.");
    }

    /// <summary>Converts a parsed body to a generated model; a value of the wrong type becomes a 400 naming the field.</summary>
    public static T ToModel<T>(JToken token)
    {
        try
        {
            return token.ToObject<T>(Serializer)
                ?? throw HttpProblemException.BadRequest("The request body must not be null.");
        }
        catch (JsonException ex)
        {
            throw HttpProblemException.BadRequest($"The request body does not match the {typeof(T).Name} schema: {ex.Message}");
        }
    }

    /// <summary>Serializes a value to compact JSON text with the shared settings.</summary>
    public static string Serialize(object? value) => JsonConvert.SerializeObject(value, Settings);

    /// <summary>A deep copy of a model as the wire sees it (a JSON round trip), to change a response without changing what is stored.</summary>
    public static T Copy<T>(T model) => JsonConvert.DeserializeObject<T>(Serialize(model), Settings)!;

    /// <summary>Writes a JSON response. Bodies are serialized first, because Kestrel forbids synchronous writes.</summary>
    public static Task WriteAsync(HttpContext context, int statusCode, object? value)
        => WriteTextAsync(context, statusCode, Serialize(value), "application/json; charset=utf-8");

    /// <summary>Writes a text response with the given content type.</summary>
    public static async Task WriteTextAsync(HttpContext context, int statusCode, string text, string contentType)
    {
        var bytes = Utf8.GetBytes(text);
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<string> ReadBodyTextAsync(HttpContext context, long maxBytes)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw HttpProblemException.BadRequest("The request body is not valid UTF-8. Send JSON encoded as UTF-8.");
        }
    }

    private static HttpProblemException TooLarge(long maxBytes)
        => new(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than the emulator's limit of {maxBytes} bytes (KipuHubEmulatorOptions.MaxRequestBodyBytes).");

    private static string Describe(JTokenType type) => type switch
    {
        JTokenType.Array => "an array",
        JTokenType.String => "a string",
        JTokenType.Integer or JTokenType.Float => "a number",
        JTokenType.Boolean => "a boolean",
        JTokenType.Null => "null",
        _ => type.ToString(),
    };

    /// <summary>Reads a header's first value, or null when absent or blank.</summary>
    public static string? Header(HttpContext context, string name)
    {
        StringValues values = context.Request.Headers[name];
        var value = values.Count > 0 ? values[0] : null;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
