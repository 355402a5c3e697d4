namespace KipuHub.Internal;

/// <summary>Validates and normalises base URLs: absolute http(s), no query or fragment, path ending in '/'.</summary>
/// <remarks>The generated clients append relative paths ("jobs/42"), which replace the last segment unless the base ends in '/'.</remarks>
internal static class BaseUrls
{
    /// <summary>The Quantum API's public URL, the example in messages.</summary>
    public const string QuantumExample = "https://api.hub.kipu-quantum.com/quantum/";

    /// <summary>The Platform API's public URL, the example in messages.</summary>
    public const string PlatformExample = "https://api.hub.kipu-quantum.com/qc-catalog/";

    /// <summary>A service gateway URL, the example in messages.</summary>
    public const string GatewayExample = "https://gateway.hub.kipu-quantum.com/<context>/<service>/<version>/";

    /// <summary>Returns what is wrong with <paramref name="url"/> as a base URL, or <see langword="null"/> when it is usable.</summary>
    /// <param name="url">The URL; <see langword="null"/> is fine (the default applies).</param>
    /// <param name="key">How the option is named in the message (<c>HubQuantumClientOptions.BaseUrl</c>, <c>KipuHub:BaseUrl</c>).</param>
    /// <param name="example">A URL that would work, for the message.</param>
    public static string? Problem(Uri? url, string key, string example)
    {
        if (url is null)
        {
            return null;
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return $"{key} must be an absolute http(s) URL such as {example}; '{url.OriginalString}' is not an absolute http or https URL.";
        }

        // The query may carry a secret: it is not quoted.
        return string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment)
            ? null
            : $"{key} must not have a query string or fragment (got '{url.GetLeftPart(UriPartial.Path)}?...'): pass only scheme, host and path.";
    }

    /// <summary>Returns <paramref name="url"/> with a trailing '/'; throws <see cref="ArgumentException"/> naming <paramref name="key"/> when unusable.</summary>
    public static Uri Normalize(Uri url, string key, string example = QuantumExample)
    {
        ArgumentNullException.ThrowIfNull(url, key);
        if (Problem(url, key, example) is { } problem)
        {
            throw new ArgumentException(problem, key);
        }

        return url.AbsolutePath.EndsWith('/') ? url : new UriBuilder(url) { Path = url.AbsolutePath + "/" }.Uri;
    }

    /// <summary>Throws unless <paramref name="baseUrl"/> is an absolute http(s) URL (the handlers' own guard).</summary>
    public static Uri RequireAbsolute(Uri baseUrl, string paramName)
    {
        ArgumentNullException.ThrowIfNull(baseUrl, paramName);
        if (!baseUrl.IsAbsoluteUri || baseUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException(Problem(baseUrl, paramName, QuantumExample), paramName);
        }

        return baseUrl;
    }
}
