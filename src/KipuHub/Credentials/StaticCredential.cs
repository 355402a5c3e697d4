using KipuHub.Credentials.Internal;
using KipuHub.Internal;

namespace KipuHub.Credentials;

/// <summary>A credential holding the token you pass in (Python's <c>StaticCredential(token)</c>).</summary>
public sealed class StaticCredential : HubCredential, ITokenSource
{
    private readonly string _token;

    /// <summary>Creates the credential.</summary>
    /// <param name="token">A personal access token or service execution token.</param>
    /// <exception cref="ArgumentException"><paramref name="token"/> is null, empty or white space, or holds a character that cannot be sent in a header (a line break, a control or non-ASCII character).</exception>
    public StaticCredential(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _token = token.Trim();
        if (!HeaderValue.IsValid(_token))
        {
            throw new ArgumentException($"The token {HeaderValue.Problem}. It is sent as an HTTP header, so pass the token alone, without line breaks.", nameof(token));
        }
    }

    /// <inheritdoc />
    public override ValueTask<string> GetTokenAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_token);

    /// <inheritdoc />
    ValueTask<ResolvedToken?> ITokenSource.TryResolveAsync(List<string> tried, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ResolvedToken?>(new ResolvedToken(_token, "the token passed in"));
}
