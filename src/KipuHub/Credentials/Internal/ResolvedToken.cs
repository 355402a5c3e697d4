namespace KipuHub.Credentials.Internal;

/// <summary>A token and a description of where it came from (for logs; never the value).</summary>
/// <param name="Token">The token.</param>
/// <param name="Source">Where it came from, e.g. "environment variable KQH_PERSONAL_ACCESS_TOKEN".</param>
internal readonly record struct ResolvedToken(string Token, string Source);
