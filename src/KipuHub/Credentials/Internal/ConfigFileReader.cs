using KipuHub.Internal;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KipuHub.Credentials.Internal;

/// <summary>
/// Reads <c>{"auth":{"type":"API_KEY","value":"..."},"context":{"id","displayName","isOrganization"},"endpoint":{...}}</c>
/// (service-api.md §7.3). Every problem becomes a <see cref="ConfigFileException"/> naming the file, the field or
/// the line and position; token values never reach a message.
/// </summary>
internal static class ConfigFileReader
{
    private const string Fix = "Fix or delete the file, or run 'qhubctl login' to write it again.";

    /// <summary>Reads and validates the file.</summary>
    public static async Task<ConfigFileContents> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var text = await ReadTextAsync(path, cancellationToken).ConfigureAwait(false);
        var root = Parse(path, text);
        var auth = OptionalObject(path, root, "auth");
        var context = OptionalObject(path, root, "context");
        return new ConfigFileContents(
            path,
            auth is null ? null : HeaderSafe(path, auth, "auth", "value", OptionalString(path, auth, "auth", "value")?.Trim()) is { Length: > 0 } token ? token : null,
            context is null ? null : ReadContext(path, context));
    }

    private static async Task<string> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigFileException(
                $"The Kipu Quantum Hub config file '{path}' could not be read: {ex.Message} Check that it exists and that this user may read it.",
                path,
                innerException: ex);
        }
    }

    private static JObject Parse(string path, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Malformed(path, "the file is empty");
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            var root = JToken.ReadFrom(reader, new JsonLoadSettings { CommentHandling = CommentHandling.Ignore });
            if (reader.Read() && reader.TokenType != JsonToken.Comment)
            {
                throw Malformed(path, "there is more content after the JSON object", reader.LineNumber, reader.LinePosition);
            }

            return root as JObject ?? throw Malformed(path, $"the top level must be a JSON object, not {Describe(root.Type)}", 1, 1);
        }
        catch (JsonReaderException ex)
        {
            // The reader's text can quote the input; only its gist is kept, with our own line/position.
            var reason = HubErrorMessages.Gist(ex.Message);
            throw Malformed(path, $"it is not valid JSON ({reason})", ex.LineNumber, ex.LinePosition);
        }
    }

    private static ConfigFileContext ReadContext(string path, JObject context) => new(
        HeaderSafe(path, context, "context", "id", OptionalString(path, context, "context", "id")),
        OptionalString(path, context, "context", "displayName"),
        OptionalBoolean(path, context, "context", "isOrganization") ?? false);

    private static JObject? OptionalObject(string path, JObject parent, string name) => parent[name] switch
    {
        null or { Type: JTokenType.Null } => null,
        JObject value => value,
        var other => throw WrongType(path, name, "an object", other),
    };

    private static string? OptionalString(string path, JObject parent, string parentName, string name) => parent[name] switch
    {
        null or { Type: JTokenType.Null } => null,
        JValue { Type: JTokenType.String } value => (string?)value,
        var other => throw WrongType(path, $"{parentName}.{name}", "a string", other),
    };

    // The token and the context id are sent as headers (X-Auth-Token, X-OrganizationId): refuse what would end the header.
    private static string? HeaderSafe(string path, JObject parent, string parentName, string name, string? value) =>
        value is null || HeaderValue.IsValid(value.Trim())
            ? value
            : throw WrongValue(path, parent[name]!, $"'{parentName}.{name}' {HeaderValue.Problem}");

    private static bool? OptionalBoolean(string path, JObject parent, string parentName, string name) => parent[name] switch
    {
        null or { Type: JTokenType.Null } => null,
        JValue { Type: JTokenType.Boolean } value => (bool)value,
        var other => throw WrongType(path, $"{parentName}.{name}", "true or false", other),
    };

    private static ConfigFileException WrongType(string path, string field, string expected, JToken actual)
    {
        var line = actual as IJsonLineInfo;
        return Malformed(
            path,
            $"'{field}' must be {expected}, not {Describe(actual.Type)}",
            line?.HasLineInfo() == true ? line.LineNumber : null,
            line?.HasLineInfo() == true ? line.LinePosition : null);
    }

    private static ConfigFileException WrongValue(string path, JToken value, string problem)
    {
        var line = value as IJsonLineInfo;
        return Malformed(path, problem, line?.HasLineInfo() == true ? line.LineNumber : null, line?.HasLineInfo() == true ? line.LinePosition : null);
    }

    private static ConfigFileException Malformed(string path, string problem, int? line = null, int? position = null)
    {
        var where = line is null ? string.Empty : $" at line {line}, position {position}";
        return new ConfigFileException(
            $"The Kipu Quantum Hub config file '{path}' is malformed{where}: {problem}. {Fix}",
            path,
            line,
            position);
    }

    private static string Describe(JTokenType type) => type switch
    {
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.Integer or JTokenType.Float => "a number",
        JTokenType.String => "a string",
        JTokenType.Boolean => "a boolean",
        _ => type.ToString().ToLowerInvariant(),
    };
}
