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
        var failures = new List<string?>
        {
            options.BaseUrl is null
                ? $"{keys.Of(nameof(options.BaseUrl))} is required: the full gateway URL of service '{_registration.Name}', https://gateway.hub.kipu-quantum.com/<context>/<service>/<version>, as shown on the service's page in the Hub."
                : OptionChecks.Url(options.BaseUrl, keys.Of(nameof(options.BaseUrl)), "https://gateway.hub.kipu-quantum.com/<context>/<service>/<version>/"),
            OptionChecks.Url(options.TokenEndpoint, keys.Of(nameof(options.TokenEndpoint)), "https://gateway.hub.kipu-quantum.com/token"),
            OptionChecks.Timeout(options.Timeout, keys.Of(nameof(options.Timeout))),
            OptionChecks.Retries(options.MaxRetries, keys.Of(nameof(options.MaxRetries))),
            Credential(options, keys),
        };
        failures.AddRange(OptionChecks.Headers(options.Headers, keys.Of(nameof(options.Headers)), hasOrganization: false));
        var messages = failures.OfType<string>().ToList();
        return messages.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(messages);
    }

    private string? Credential(KipuHubServiceGatewayOptions options, ConfigurationKeys keys)
    {
        var hasKeyPair = !string.IsNullOrWhiteSpace(options.AccessKeyId) || !string.IsNullOrWhiteSpace(options.SecretAccessKey);
        var given = (string.IsNullOrWhiteSpace(options.Token) ? 0 : 1) + (hasKeyPair ? 1 : 0)
            + (options.Credential is null ? 0 : 1) + (_registration.CredentialFactory is null ? 0 : 1);
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
