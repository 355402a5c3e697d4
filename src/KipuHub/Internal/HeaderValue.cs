namespace KipuHub.Internal;

/// <summary>
/// The one rule for values the SDK writes into HTTP headers itself (tokens, organization ids): printable ASCII,
/// spaces and tabs only. A line break would end the header and start another one on the wire (header injection), NUL
/// and other control characters are refused by servers or smuggled through proxies, and .NET refuses non-ASCII
/// request headers with a raw exception. Checked once, where a value is resolved; a message names the source, never
/// the value.
/// </summary>
internal static class HeaderValue
{
    /// <summary>What is wrong, for messages: "contains a character that is not allowed in an HTTP header ...".</summary>
    public const string Problem =
        "contains a character that is not allowed in an HTTP header value (a line break, NUL or another control character, or a non-ASCII character)";

    /// <summary>Whether <paramref name="value"/> may be sent as a header value as it is.</summary>
    public static bool IsValid(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' and not '\t' or > '~')
            {
                return false;
            }
        }

        return true;
    }
}
