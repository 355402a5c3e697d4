using KipuHub.Credentials;
using KipuHub.Internal;

namespace KipuHub.Http.Internal;

/// <summary>Gets a token for an auth handler: refuses an empty one, and remembers it for redaction.</summary>
internal static class AuthToken
{
    /// <summary>Asks <paramref name="credential"/> for the token.</summary>
    /// <remarks>
    /// A credential that answers synchronously (a static token, a cached one) is checked without an async step; a
    /// failure of that check is still reported through the returned task, never thrown from this call.
    /// </remarks>
    public static ValueTask<string> GetAsync(IHubCredential credential, TokenRedactor? redactor, CancellationToken cancellationToken)
    {
        ValueTask<string> pending;
        try
        {
            pending = credential.GetTokenAsync(cancellationToken);
            if (pending.IsCompletedSuccessfully)
            {
                return new ValueTask<string>(Accept(credential, pending.Result, redactor));
            }
        }
        catch (Exception ex)
        {
            return ValueTask.FromException<string>(ex);
        }

        return AwaitAsync(credential, pending, redactor);
    }

    private static async ValueTask<string> AwaitAsync(IHubCredential credential, ValueTask<string> pending, TokenRedactor? redactor) =>
        Accept(credential, await pending.ConfigureAwait(false), redactor);

    private static string Accept(IHubCredential credential, string? token, TokenRedactor? redactor)
    {
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
