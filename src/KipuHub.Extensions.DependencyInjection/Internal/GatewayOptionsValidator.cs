using Microsoft.Extensions.Options;

namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>Validates the <see cref="KipuHubServiceGatewayOptions"/> of one gateway at start-up; messages name the key.</summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<KipuHubServiceGatewayOptions>
{
    private readonly GatewayRegistration _registration;

    public GatewayOptionsValidator(GatewayRegistration registration) => _registration = registration;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, KipuHubServiceGatewayOptions options)
    {
        if (!string.Equals(name, _registration.Name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var keys = _registration.Keys;
        var messages = new List<string?>
        {
            options.BaseUrl is null
                ? $"{keys.Of(nameof(options.BaseUrl))} is required: the full gateway URL of service '{_registration.Name}', https://gateway.hub.kipu-quantum.com/<context>/<service>/<version>, as shown on the service's page in the Hub."
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
                Credential = OptionChecks.ValidationCredential,
                Headers = options.Headers ?? new Dictionary<string, string>(),
                MaxRetries = options.MaxRetries,
            }.Validate(keys.Of));
        }

        var failures = messages.OfType<string>().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private string? Credential(KipuHubServiceGatewayOptions options, ConfigurationKeys keys)
    {
        var hasKeyPair = !string.IsNullOrWhiteSpace(options.AccessKeyId) || !string.IsNullOrWhiteSpace(options.SecretAccessKey);
        var given = (string.IsNullOrWhiteSpace(options.Token) ? 0 : 1) + (hasKeyPair ? 1 : 0)
            + (options.Credential is null ? 0 : 1);
        if (given == 0)
        {
            return $"Service gateway '{_registration.Name}' has no token: set {keys.Of(nameof(options.AccessKeyId))} and {keys.Of(nameof(options.SecretAccessKey))} " +
                $"(user secrets or the environment), or {keys.Of(nameof(options.Token))}, or a Credential in code.";
        }

        if (given > 1)
        {
            return $"Service gateway '{_registration.Name}' has more than one token source: set only one of {keys.Of(nameof(options.Token))}, the access key pair, or a credential.";
        }

        return hasKeyPair && (string.IsNullOrWhiteSpace(options.AccessKeyId) || string.IsNullOrWhiteSpace(options.SecretAccessKey))
            ? $"Service gateway '{_registration.Name}' needs both {keys.Of(nameof(options.AccessKeyId))} and {keys.Of(nameof(options.SecretAccessKey))}."
            : null;
    }
}
