namespace KipuHub.Http.Internal;

/// <summary>Per-request values the handlers pass to each other through <see cref="HttpRequestMessage.Options"/>.</summary>
internal static class RequestProperties
{
    /// <summary>The 1-based attempt number, set by <see cref="RetryHandler"/> and logged by <see cref="LoggingHandler"/>.</summary>
    public static readonly HttpRequestOptionsKey<int> Attempt = new("KipuHub.Attempt");

    /// <summary>The request's <see cref="HubRequestOptions"/>, validated: set by <see cref="RequestContextHandler"/> (from the scope) or by <c>SendAsync(request, options)</c>.</summary>
    public static readonly HttpRequestOptionsKey<RequestOverrides> Overrides = new("KipuHub.RequestOverrides");

    /// <summary>Returns the request's overrides, or <see langword="null"/> when it has none.</summary>
    /// <remarks>
    /// Until a process first uses <see cref="HubRequestOptions"/>, no request can have any, and the request's options
    /// dictionary (allocated on first access) is not touched: the handlers that ask stay allocation-free.
    /// </remarks>
    public static RequestOverrides? GetOverrides(HttpRequestMessage request) =>
        RequestOverrides.AnyCreated && request.Options.TryGetValue(Overrides, out var overrides) ? overrides : null;

    /// <summary>Returns the attempt number of <paramref name="request"/> (1 when no retry handler ran).</summary>
    public static int GetAttempt(HttpRequestMessage request) =>
        request.Options.TryGetValue(Attempt, out var attempt) ? attempt : 1;

    /// <summary>Returns the path of the request for logs and messages: never the query string, which could carry secrets.</summary>
    public static string GetPath(HttpRequestMessage request) => request.RequestUri switch
    {
        null => string.Empty,
        { IsAbsoluteUri: true } uri => uri.AbsolutePath,
        var uri => uri.OriginalString.Split('?', 2)[0],
    };
}
