
namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>Validates the <see cref="KipuHubServiceGatewayOptions"/> of one gateway at start-up; messages name the key.</summary>
internal sealed class GatewayOptionsValidator(GatewayRegistration registration) : NamedOptionsValidator<KipuHubServiceGatewayOptions>(registration.Name)
{
    /// <inheritdoc />
    private protected override IEnumerable<string?> Problems(KipuHubServiceGatewayOptions options)
    {
        var keys = registration.Keys;
        var messages = new List<string?>
        {
            options.BaseUrl is null
                ? $"{keys.Of(nameof(options.BaseUrl))} is required: the full gateway URL of service '{registration.Name}', https://gateway.hub.kipu-quantum.com/<context>/<service>/<version>, as shown on the service's page in the Hub."
                : null,
            OptionChecks.TokenEndpoint(options.TokenEndpoint, keys.Of(nameof(options.TokenEndpoint))),
            OptionChecks.Timeout(options.Timeout, keys.Of(nameof(options.Timeout))),
            Credential(options, keys),
        };

        // The facade checks the rest, as for a HubServiceClient created in code, named by key.
        if (options.BaseUrl is not null)
        {
            messages.AddRange(new HubServiceClientOptions
            {
                BaseUrl = options.BaseUrl,
                // Token itself, so a token that cannot be sent as a header is reported by its key at start-up.
                Token = string.IsNullOrWhiteSpace(options.Token) ? null : options.Token,
                Credential = string.IsNullOrWhiteSpace(options.Token) ? OptionChecks.ValidationCredential : null,
                Headers = options.Headers ?? new Dictionary<string, string>(),
                MaxRetries = options.MaxRetries,
            }.Validate(keys.Of));
        }

        return messages;
    }

    private string? Credential(KipuHubServiceGatewayOptions options, ConfigurationKeys keys)
    {
        var hasKeyPair = !string.IsNullOrWhiteSpace(options.AccessKeyId) || !string.IsNullOrWhiteSpace(options.SecretAccessKey);
        var given = (string.IsNullOrWhiteSpace(options.Token) ? 0 : 1) + (hasKeyPair ? 1 : 0)
            + (options.Credential is null ? 0 : 1);
        if (given == 0)
        {
            return $"Service gateway '{registration.Name}' has no token: set {keys.Of(nameof(options.AccessKeyId))} and {keys.Of(nameof(options.SecretAccessKey))} " +
                $"(user secrets or the environment), or {keys.Of(nameof(options.Token))}, or a Credential in code.";
        }

        if (given > 1)
        {
            return $"Service gateway '{registration.Name}' has more than one token source: set only one of {keys.Of(nameof(options.Token))}, the access key pair, or a credential.";
        }

        return hasKeyPair && (string.IsNullOrWhiteSpace(options.AccessKeyId) || string.IsNullOrWhiteSpace(options.SecretAccessKey))
            ? $"Service gateway '{registration.Name}' needs both {keys.Of(nameof(options.AccessKeyId))} and {keys.Of(nameof(options.SecretAccessKey))}."
            : null;
    }
}
