namespace KipuHub.Http.Internal;

/// <summary>Decides whether a request goes to the host a client was configured for (scheme, host and port).</summary>
internal static class TrustedAuthority
{
    /// <summary>Returns whether <paramref name="target"/> has the same scheme, host and port as <paramref name="baseUrl"/>.</summary>
    public static bool Matches(Uri baseUrl, Uri? target) =>
        target is { IsAbsoluteUri: true }
        && string.Equals(baseUrl.Scheme, target.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(baseUrl.IdnHost, target.IdnHost, StringComparison.OrdinalIgnoreCase)
        && baseUrl.Port == target.Port;

    /// <summary>Throws unless <paramref name="baseUrl"/> is an absolute http(s) URL.</summary>
    public static Uri RequireAbsolute(Uri baseUrl, string paramName)
    {
        ArgumentNullException.ThrowIfNull(baseUrl, paramName);
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"'{baseUrl}' is not an absolute http or https URL; pass the API's base URL, for example https://api.hub.kipu-quantum.com/quantum/.", paramName);
        }

        return baseUrl;
    }
}
