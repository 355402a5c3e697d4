using KipuHub.Internal;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KipuHub.Credentials.Internal;

/// <summary>
/// Reads <c>{"auth":{"type":"API_KEY","value":"..."},"context":{"id","displayName","isOrganization"},"endpoint":{...}}</c>
/// (service-api.md §7.3). Every problem becomes a <see cref="ConfigFileException"/> naming the file, the field or
/// the line and position; token values never reach a message.
/// </summary>
/// <remarks>
/// Only a regular file of at most <see cref="MaxBytes"/> is read, and at most that many bytes of it: a path naming
/// <c>/dev/zero</c>, a pipe or a multi-GB file fails at once instead of exhausting memory or blocking forever.
/// </remarks>
internal static class ConfigFileReader
{
    /// <summary>The largest config file read, 1 MiB; <c>qhubctl</c> writes well under 1 KiB.</summary>
    public const int MaxBytes = 1024 * 1024;

    private const string Fix = "Fix or delete the file, or run 'qhubctl login' to write it again.";

    /// <summary>
    /// Whether something is at <paramref name="path"/> (then <see cref="ReadAsync"/> reads it or says why not), as
    /// <see cref="File.Exists"/>, except that a path this user may not even look at is reported, not taken for missing.
    /// </summary>
    /// <exception cref="ConfigFileException">Permission to look at the path is denied (a directory on it is not searchable by this user).</exception>
    public static bool Exists(string path)
    {
        if (File.Exists(path) || Directory.Exists(path))
        {
            return true;
        }

        // File.Exists is false for a file in a directory this user may not enter, too: ask again, with the reason.
        try
        {
            _ = File.GetAttributes(path);
            return false;
        }
        catch (UnauthorizedAccessException ex)
        {
            throw PermissionDenied(path, ex);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

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
            CheckRegularFileSize(path);
            var stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.ReadWrite | FileShare.Delete, Options = FileOptions.Asynchronous, BufferSize = 0 });
            await using (stream.ConfigureAwait(false))
            {
                // At most MaxBytes, whatever the length said: the file may grow while it is read.
                using var content = new MemoryStream();
                var chunk = new byte[16 * 1024];
                int read;
                while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (content.Length + read > MaxBytes)
                    {
                        throw TooLarge(path, null);
                    }

                    content.Write(chunk, 0, read);
                }

                // As File.ReadAllText: UTF-8 unless a byte order mark says otherwise.
                content.Position = 0;
                using var reader = new StreamReader(content, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (UnauthorizedAccessException ex) when (!Directory.Exists(path))
        {
            throw PermissionDenied(path, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigFileException(
                $"The Kipu Quantum Hub config file '{path}' could not be read: {ex.Message} Check that it exists and that this user may read it.",
                path,
                innerException: ex);
        }
    }

    // Before opening: a FIFO would block the open itself until a writer appears, and /dev/zero never ends.
    private static void CheckRegularFileSize(string path)
    {
        var file = new FileInfo(path);
        if (file.LinkTarget is not null && File.ResolveLinkTarget(path, returnFinalTarget: true) is FileInfo target)
        {
            file = target;
        }

        if (!file.Exists)
        {
            return; // Opening it reports what is wrong (missing, a directory).
        }

        // .NET does not expose the file type on Unix; pipes, sockets and devices all report a length of 0, and a
        // zero-length regular file would be refused as empty anyway, so none of them is opened.
        if (file.Length == 0)
        {
            throw new ConfigFileException(
                $"The Kipu Quantum Hub config file '{path}' cannot be used: it is empty, or it is not a regular file (a pipe, a socket or a device such as /dev/zero, which the SDK does not open). " +
                "Point KQH_CONFIG_FILE_PATH at the config.json that 'qhubctl login' writes, or run 'qhubctl login' again.",
                path);
        }

        if (file.Length > MaxBytes)
        {
            throw TooLarge(path, file.Length);
        }
    }

    private static ConfigFileException TooLarge(string path, long? length) => new(
        $"The Kipu Quantum Hub config file '{path}' is {(length is null ? "larger than" : $"{length} bytes, more than")} the {MaxBytes / (1024 * 1024)} MiB a config file may have, so it was not read; 'qhubctl login' writes well under 1 KiB. " +
        "Check that KQH_CONFIG_FILE_PATH names the config file, or run 'qhubctl login' to write it again.",
        path);

    private static ConfigFileException PermissionDenied(string path, Exception inner) => new(
        $"The Kipu Quantum Hub config file '{path}' could not be read: permission denied (this user may not read the file, or may not enter a directory on its path). " +
        "Fix the permissions, or set KQH_CONFIG_FILE_PATH to a config file this user may read.",
        path,
        innerException: inner);

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
