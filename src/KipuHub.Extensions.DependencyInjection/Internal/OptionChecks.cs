using System.Globalization;
using KipuHub.Credentials;

namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>
/// What only the DI package checks: the limits of the resilience pipeline and the token endpoint. Everything else is
/// checked by the facade's options (<see cref="HubClientOptions.Validate"/>), which the validators map onto.
/// </summary>
internal static class OptionChecks
{
    /// <summary>Stands in for the registration's credential while its options are validated (the credential is resolved later).</summary>
    public static readonly IHubCredential ValidationCredential = new StaticCredential("validation-only");

    /// <summary>The per-attempt timeout the resilience pipeline accepts.</summary>
    public static string? Timeout(TimeSpan timeout, string key) =>
        timeout < KipuHubEndpointOptions.MinTimeout || timeout > KipuHubEndpointOptions.MaxTimeout
            ? $"{key} must be between 00:00:00.010 and 1.00:00:00 (got {timeout.ToString("c", CultureInfo.InvariantCulture)})."
            : null;

    /// <summary>The OAuth2 token endpoint: an absolute http(s) URL.</summary>
    public static string? TokenEndpoint(Uri? url, string key) =>
        url is null || (url.IsAbsoluteUri && url.Scheme is "https" or "http")
            ? null
            : $"{key} must be an absolute http(s) URL such as {ClientCredentialsTokenProviderOptions.DefaultTokenEndpoint} (got '{url.OriginalString}').";
}
