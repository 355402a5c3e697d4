namespace KipuHub.Internal.Json;

/// <summary>
/// What a serialized result says about an exception: its type name, its message (the SDK's messages carry no
/// secrets) and, for an HTTP error, the status code. Never the stack trace, headers, body or inner exceptions.
/// </summary>
internal static class ExceptionSummary
{
    /// <summary>The members written, in order.</summary>
    public static IEnumerable<KeyValuePair<string, object>> Members(Exception exception)
    {
        yield return new("type", exception.GetType().Name);
        yield return new("message", exception.Message);
        if (exception is HubApiException api)
            yield return new("statusCode", api.StatusCode);
    }
}
