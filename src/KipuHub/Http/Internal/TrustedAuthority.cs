namespace KipuHub.Http.Internal;

/// <summary>Decides whether a request goes to the host a client was configured for (scheme, host and port).</summary>
/// <remarks>
/// Every request passes this check at least twice (organization and credential handlers), on a <see cref="Uri"/> the
/// generated client has just created. Reading that URI's host the first time makes <see cref="Uri"/> build its host
/// strings, which costs more than the rest of both handlers together; so a URI whose text plainly begins with the
/// configured <c>scheme://authority/</c> is accepted on that text alone, and only any other URI is compared
/// component by component.
/// </remarks>
internal sealed class TrustedAuthority
{
    private readonly Uri _baseUrl;

    // "https://hub.example/" (port only when not the default): the authority of any absolute URI whose text starts
    // with it is exactly this one, since the first '/' after "//" ends the authority. Null for a non-ASCII host, whose
    // IDN mapping is more than the case-insensitive comparison below: those always take the component comparison.
    private readonly string? _prefix;

    /// <summary>Creates the check for <paramref name="baseUrl"/>.</summary>
    /// <param name="baseUrl">An absolute http(s) URL.</param>
    public TrustedAuthority(Uri baseUrl)
    {
        _baseUrl = baseUrl;
        var prefix = baseUrl.GetLeftPart(UriPartial.Authority) + "/";
        _prefix = System.Text.Ascii.IsValid(prefix) ? prefix : null;
    }

    /// <summary>Returns whether <paramref name="target"/> has the same scheme, host and port as the base URL.</summary>
    public bool Matches(Uri? target) =>
        target is { IsAbsoluteUri: true }
        && ((_prefix is not null && target.OriginalString.StartsWith(_prefix, StringComparison.OrdinalIgnoreCase)) || Matches(_baseUrl, target));

    /// <summary>Returns whether <paramref name="target"/> has the same scheme, host and port as <paramref name="baseUrl"/>.</summary>
    public static bool Matches(Uri baseUrl, Uri? target) =>
        target is { IsAbsoluteUri: true }
        && string.Equals(baseUrl.Scheme, target.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(baseUrl.IdnHost, target.IdnHost, StringComparison.OrdinalIgnoreCase)
        && baseUrl.Port == target.Port;
}
