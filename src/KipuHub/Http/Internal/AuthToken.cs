using KipuHub.Credentials;
using KipuHub.Internal;

namespace KipuHub.Http.Internal;

/// <summary>Gets a token for an auth handler: refuses an empty one, and remembers it for redaction.</summary>
internal static class AuthToken
{
    /// <summary>Asks <paramref name="credential"/> for the token.</summary>
    public static async ValueTask<string> GetAsync(IHubCredential credential, TokenRedactor? redactor, CancellationToken cancellationToken)
    {
        var token = await credential.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new CredentialUnavailableException(
                $"The credential {credential.GetType().Name} returned an empty token. Make it return a personal access token or service execution token.");
        }

        token = token.Trim();
        if (!HeaderValue.IsValid(token))
        {
            // The last guard, for credentials the SDK does not know: never let a token end the header and start another.
            throw new CredentialUnavailableException(
                $"The credential {credential.GetType().Name} returned a token that {HeaderValue.Problem}, so it was not sent. Make it return the token alone, without line breaks.");
        }

        redactor?.Remember(token);
        return token;
    }
}
