namespace KipuHub.Internal;

/// <summary>Validates and normalises base URLs: absolute http(s), no query or fragment, path ending in '/'.</summary>
/// <remarks>The generated clients append relative paths ("jobs/42"), which replace the last segment unless the base ends in '/'.</remarks>
internal static class BaseUrls
{
    /// <summary>Returns <paramref name="url"/> with a trailing '/'; throws <see cref="ArgumentException"/> naming <paramref name="optionName"/> when unusable.</summary>
    public static Uri Normalize(Uri url, string optionName)
    {
        ArgumentNullException.ThrowIfNull(url, optionName);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"{optionName} '{url}' is not an absolute http or https URL, such as https://api.hub.kipu-quantum.com/quantum/.", optionName);
        }

        if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            throw new ArgumentException($"{optionName} '{url}' must not have a query string or fragment: pass only scheme, host and path.", optionName);
        }

        return url.AbsolutePath.EndsWith('/') ? url : new UriBuilder(url) { Path = url.AbsolutePath + "/" }.Uri;
    }
}
