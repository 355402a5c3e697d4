using KipuHub.Credentials;

namespace KipuHub.Internal;

/// <summary>Turns the credential options of a client into one <see cref="IHubCredential"/>, or says what to pass.</summary>
internal static class CredentialOptions
{
    /// <summary>Resolves <c>ApiKey</c> / <c>Credential</c> (Quantum and Platform clients).</summary>
    public static IHubCredential ResolveApiKey(string? apiKey, IHubCredential? credential, string optionsName)
    {
        if (apiKey is not null && credential is not null)
        {
            throw new ArgumentException($"Set either ApiKey or Credential in {optionsName}, not both.", "options");
        }

        if (credential is not null)
        {
            return credential;
        }

        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new ArgumentException(
                $"Please provide 'ApiKey' or 'Credential' in {optionsName} when creating the client. " +
                "ApiKey takes a personal access token or service execution token (for example the value of KQH_PERSONAL_ACCESS_TOKEN); " +
                "Credential takes an IHubCredential such as new DefaultCredentialsProvider(), which reads the environment and the qhubctl config file.",
                "options");
        }

        return new StaticCredential(apiKey);
    }

    /// <summary>Resolves <c>Token</c> / <c>TokenProvider</c> / <c>Credential</c> (Service client).</summary>
    public static IHubCredential ResolveBearer(string? token, Func<CancellationToken, ValueTask<string>>? tokenProvider, IHubCredential? credential, string optionsName)
    {
        var given = (token is not null ? 1 : 0) + (tokenProvider is not null ? 1 : 0) + (credential is not null ? 1 : 0);
        if (given > 1)
        {
            throw new ArgumentException($"Set only one of Token, TokenProvider and Credential in {optionsName}.", "options");
        }

        if (credential is not null)
        {
            return credential;
        }

        if (tokenProvider is not null)
        {
            return HubCredential.FromProvider(tokenProvider);
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            throw new ArgumentException(
                $"Please provide 'Token', 'TokenProvider' or 'Credential' in {optionsName} when creating the client. " +
                "Token takes a gateway bearer token; TokenProvider a function returning a fresh one; Credential an IHubCredential such as " +
                "new ClientCredentialsTokenProvider(accessKeyId, secretAccessKey), which mints and refreshes gateway tokens.",
                "options");
        }

        return new StaticCredential(token);
    }
}
