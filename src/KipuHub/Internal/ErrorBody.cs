using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KipuHub.Internal;

/// <summary>Reads what a Hub error response says; the body shape is not specified, so every step is lenient.</summary>
internal static class ErrorBody
{
    private const int MaxMessageLength = 500;

    private static readonly string[] MessageFields = ["message", "errorMessage", "error", "detail", "error_description", "title"];

    private static readonly string[] RequestIdHeaders = ["X-Request-Id", "X-Correlation-Id", "Request-Id"];

    /// <summary>Parses the body as JSON when it looks like JSON; anything else gives <see langword="null"/>.</summary>
    public static JToken? TryParse(string? rawBody)
    {
        var trimmed = rawBody?.TrimStart();
        if (string.IsNullOrEmpty(trimmed) || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return null;
        }

        try
        {
            // DateParseHandling.None: keep timestamps as the server wrote them.
            using var reader = new JsonTextReader(new StringReader(rawBody!)) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Finds the server's own error text: a known JSON field, else a short plain-text body.</summary>
    public static string? ExtractMessage(JToken? body, string? rawBody, IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        if (body is JObject json)
        {
            return FromJson(json);
        }

        return body is null && IsPlainText(rawBody, headers) ? Truncate(rawBody!.Trim()) : null;
    }

    /// <summary>Returns the first request id header the server sent.</summary>
    public static string? FindRequestId(IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        foreach (var name in RequestIdHeaders)
        {
            if (headers.TryGetValue(name, out var values) && values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } id)
            {
                return id;
            }
        }

        return null;
    }

    private static string? FromJson(JObject json)
    {
        foreach (var field in MessageFields)
        {
            var value = json.GetValue(field, StringComparison.OrdinalIgnoreCase);
            var text = value switch
            {
                JValue { Type: JTokenType.String } s => (string?)s,
                JObject nested => FromJson(nested),
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(text))
            {
                return Truncate(text.Trim());
            }
        }

        return null;
    }

    // HTML error pages from proxies are not messages; short text bodies ("Not Found") are.
    private static bool IsPlainText(string? rawBody, IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        if (string.IsNullOrWhiteSpace(rawBody) || rawBody.TrimStart().StartsWith('<'))
        {
            return false;
        }

        return !headers.TryGetValue("Content-Type", out var types)
            || types.Any(t => t.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase));
    }

    private static string Truncate(string text) =>
        text.Length <= MaxMessageLength ? text : string.Concat(text.AsSpan(0, MaxMessageLength), "...");
}
