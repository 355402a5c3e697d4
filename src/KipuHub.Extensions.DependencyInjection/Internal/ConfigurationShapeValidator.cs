using Microsoft.Extensions.Configuration;

namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>
/// Checks the shape of the configuration section <c>AddKipuHub(section)</c> binds, for the mistakes the binder drops
/// silently: <c>KipuHub:Environment</c> given as a value (e.g. <c>"Staging"</c>) binds nothing, so the app would go to
/// the production Hub with its token. The value itself is never repeated (it may have been pasted from a secret).
/// </summary>
internal sealed class ConfigurationShapeValidator(HubRegistration registration, IConfiguration configuration)
    : NamedOptionsValidator<KipuHubOptions>(registration.OptionsName)
{
    /// <inheritdoc />
    private protected override IEnumerable<string?> Problems(KipuHubOptions options)
    {
        var environment = configuration.GetSection(nameof(KipuHubOptions.Environment));
        if (environment.Value is not null)
        {
            var key = registration.Keys.Of(nameof(KipuHubOptions.Environment));
            yield return $"{key} was given as a value, which binds nothing (there are no named environments), so the "
                + $"production Hub would be used. Point the clients elsewhere with {registration.Keys.Of(nameof(KipuHubOptions.BaseUrl))} "
                + $"and {registration.Keys.Of(nameof(KipuHubOptions.PlatformBaseUrl))}, or remove {key}.";
        }
    }
}
