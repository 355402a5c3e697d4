using KipuHub.Emulator.Quantum;
namespace KipuHub.Emulator.Platform;

/// <summary>Small request and response helpers shared by the Platform routes.</summary>
internal static class PlatformHttp
{
    public static string OwnerKey(HttpContext context) => CallerContext.Of(context).OwnerKey;

    /// <summary>Scheme, host and port of the request, for absolute URLs in bodies (no trailing '/').</summary>
    public static string Root(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    public static Task Ok(HttpContext context, object? body) => NewtonsoftJson.WriteAsync(context, StatusCodes.Status200OK, body);

    public static Task Created(HttpContext context, object? body) => NewtonsoftJson.WriteAsync(context, StatusCodes.Status201Created, body);

    public static Task NoContent(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary>Reads a JSON body as a generated model (400 for malformed JSON or wrong types).</summary>
    public static async Task<T> ReadAsync<T>(HttpContext context, HubRuntime hub)
    {
        var body = await NewtonsoftJson.ReadObjectAsync(context, hub.Options.MaxRequestBodyBytes).ConfigureAwait(false);
        return NewtonsoftJson.ToModel<T>(body);
    }

    public static string Required(string? value, string field)
        => string.IsNullOrWhiteSpace(value) ? throw HttpProblemException.BadRequest($"'{field}' is required and must not be blank.") : value.Trim();

    /// <summary>
    /// The trimmed <paramref name="requested"/> name (400 when blank), unless another of the context's records (other
    /// than <paramref name="except"/>) already has it (409): names are unique per context, like folders.
    /// </summary>
    public static string UniqueName<T>(string? requested, IEnumerable<T> contextRecords, Func<T, string> nameOf, string? except, string what)
        where T : StoredRecord
    {
        var name = Required(requested, "name");
        if (contextRecords.Any(r => r.Id != except && string.Equals(nameOf(r), name, StringComparison.OrdinalIgnoreCase)))
        {
            throw Conflict($"{what} named '{name}' already exists in this context; choose another name.");
        }

        return name;
    }

    public static HttpProblemException Conflict(string message) => new(StatusCodes.Status409Conflict, message);

    public static HttpProblemException Forbidden(string message) => new(StatusCodes.Status403Forbidden, message);

    public static bool Contains(string? text, string? part) =>
        string.IsNullOrEmpty(part) || (text?.Contains(part, StringComparison.OrdinalIgnoreCase) ?? false);
}
