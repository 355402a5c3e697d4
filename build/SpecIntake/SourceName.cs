namespace KipuHub.SpecIntake;

/// <summary>How a document's location is printed: a URL without its user info and query (either may carry a token),
/// a path as given.</summary>
internal static class SourceName
{
    /// <summary>The printable form of <paramref name="location"/>.</summary>
    internal static string Display(string location)
    {
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return location;
        }

        var shown = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        return uri.Query.Length > 0 ? shown + "?…" : shown;
    }
}
