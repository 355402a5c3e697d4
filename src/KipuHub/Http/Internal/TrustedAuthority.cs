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
}
