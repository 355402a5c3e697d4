using KipuHub.Credentials;

namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>
/// Validates the <see cref="KipuHubOptions"/> of one registration at start-up. Every message names the configuration
/// key (<c>KipuHub:BaseUrl must be an absolute http(s) URL ...</c>) and says what to do.
/// </summary>
/// <remarks>
/// Without <c>ApiKey</c> or a credential given to the builder, it also asks the default credential chain (environment
/// variables, the <c>qhubctl</c> config file) for a token, so a missing token fails the start rather than the first call.
/// It never reports the token itself.
/// </remarks>
internal sealed class KipuHubOptionsValidator(HubRegistration registration) : NamedOptionsValidator<KipuHubOptions>(registration.OptionsName)
{
    /// <inheritdoc />
    private protected override IEnumerable<string?> Problems(KipuHubOptions options)
    {
        var keys = registration.Keys;
        var messages = new List<string>();
        var timeout = OptionChecks.Timeout(options.Timeout, keys.Of(nameof(options.Timeout)));
        if (timeout is not null)
        {
            messages.Add(timeout);
        }

        if (options.Waiting is null)
        {
            messages.Add($"{keys.Of(nameof(options.Waiting))} must not be null.");
        }

        // The facade checks the rest, as for a client created in code: the same rules and messages, named by key.
        messages.AddRange(new HubQuantumClientOptions
        {
            BaseUrl = options.BaseUrl,
            Environment = options.Environment,
            OrganizationId = options.OrganizationId,
            // ApiKey itself, so a token that cannot be sent as a header is reported as KipuHub:ApiKey at start-up.
            ApiKey = string.IsNullOrWhiteSpace(options.ApiKey) ? null : options.ApiKey,
            Credential = string.IsNullOrWhiteSpace(options.ApiKey) ? OptionChecks.ValidationCredential : null,
            Headers = options.Headers ?? new Dictionary<string, string>(),
            Timeout = timeout is null ? options.Timeout : HubClientOptions.DefaultTimeout,
            MaxRetries = options.MaxRetries,
            Waiting = options.Waiting,
            MaxCost = options.MaxCost,
        }.Validate(keys.Of));
        messages.AddRange(new HubPlatformClientOptions { BaseUrl = options.PlatformBaseUrl, Environment = options.Environment, Credential = OptionChecks.ValidationCredential }
            .Validate(path => keys.Of(path == nameof(options.BaseUrl) ? nameof(options.PlatformBaseUrl) : path)));
        if (Token(options, keys) is { } token)
        {
            messages.Add(token);
        }

        return messages;
    }

    private string? Token(KipuHubOptions options, ConfigurationKeys keys)
    {
        if (registration.CredentialFactory is not null || !string.IsNullOrWhiteSpace(options.ApiKey))
        {
            return null;
        }

        try
        {
            // The chain reads variables and a local file: cheap, and done once at start-up, so blocking here is acceptable.
            _ = new DefaultCredentialsProvider(environment: options.CredentialEnvironment).GetTokenAsync().AsTask().GetAwaiter().GetResult();
            return null;
        }
        catch (CredentialUnavailableException)
        {
            return $"No Kipu Quantum Hub token was found. Set {keys.Of(nameof(options.ApiKey))} outside appsettings.json " +
                "(dotnet user-secrets set \"KipuHub:ApiKey\" <token>, or the environment variable KipuHub__ApiKey), " +
                "or KQH_PERSONAL_ACCESS_TOKEN, or run 'qhubctl login', or pass a credential with AddKipuHub(...).WithCredential(...).";
        }
        catch (ConfigFileException ex)
        {
            return $"No Kipu Quantum Hub token: the qhubctl config file could not be read ({ex.Message}). Fix it, or set {keys.Of(nameof(options.ApiKey))}.";
        }
    }
}
