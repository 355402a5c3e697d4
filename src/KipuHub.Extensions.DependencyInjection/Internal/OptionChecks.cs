using System.Globalization;
using KipuHub.Http;

namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>The checks both option types share; each returns a message naming the key, or <see langword="null"/>.</summary>
internal static class OptionChecks
{
    private static readonly string[] CredentialHeaders = ["Authorization", ApiKeyAuthHandler.HeaderName];

    public static string? Url(Uri? url, string key, string example)
    {
        if (url is null)
        {
            return null;
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return $"{key} must be an absolute http(s) URL such as {example} (got '{url.OriginalString}').";
        }

        return string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment)
            ? null
            : $"{key} must not have a query string or fragment (got '{url.GetLeftPart(UriPartial.Path)}?...'): pass only scheme, host and path.";
    }

    public static string? Timeout(TimeSpan timeout, string key) =>
        timeout < KipuHubOptions.MinTimeout || timeout > KipuHubOptions.MaxTimeout
            ? $"{key} must be between 00:00:00.010 and 1.00:00:00 (got {timeout.ToString("c", CultureInfo.InvariantCulture)})."
            : null;

    public static string? Retries(int maxRetries, string key) =>
        maxRetries < 0 ? $"{key} must be 0 or more (got {maxRetries})." : null;

    public static IEnumerable<string> Headers(IDictionary<string, string>? headers, string key, bool hasOrganization)
    {
        foreach (var name in headers?.Keys ?? [])
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                yield return $"{key} contains an empty header name.";
            }
            else if (CredentialHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                yield return $"{key}:{name} must not be set: pass the token through the credential (ApiKey, Token, the access key pair or WithCredential), which keeps it on the configured host.";
            }
            else if (hasOrganization && string.Equals(name, OrganizationHandler.HeaderName, StringComparison.OrdinalIgnoreCase))
            {
                yield return $"{key}:{name} sets the organization a second time; set only OrganizationId.";
            }
        }
    }
}
