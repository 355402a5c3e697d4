namespace KipuHub.Http.Internal;

/// <summary>
/// Refuses a caller's handler that follows redirects by itself: it would carry <c>X-Auth-Token</c> to whatever
/// host a redirect names (.NET strips only <c>Authorization</c>). The SDK follows redirects itself instead.
/// </summary>
internal static class RedirectGuard
{
    /// <summary>Throws when the innermost handler of <paramref name="handler"/> has automatic redirects on.</summary>
    public static void EnsureNoAutoRedirect(HttpMessageHandler handler, string optionName)
    {
        var innermost = handler;
        while (innermost is DelegatingHandler { InnerHandler: { } inner })
        {
            innermost = inner;
        }

        var autoRedirect = innermost switch
        {
            SocketsHttpHandler sockets => sockets.AllowAutoRedirect,
            HttpClientHandler client => client.AllowAutoRedirect,
            _ => false,
        };
        if (autoRedirect)
        {
            throw new ArgumentException(
                $"The {innermost.GetType().Name} passed as {optionName} follows redirects by itself, which would send the token to any host a redirect names. " +
                "Set AllowAutoRedirect = false on it: the SDK follows redirects itself and keeps the token on the configured host.",
                optionName);
        }
    }
}
