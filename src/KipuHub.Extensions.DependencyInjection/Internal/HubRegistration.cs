using KipuHub.Credentials;
using Microsoft.Extensions.Options;

namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>
/// One <c>AddKipuHub</c> registration (the default one or a keyed one): its names, where its options came from, and
/// the credential set on the builder. Kept in the service collection so a second <c>AddKipuHub</c> with the same key
/// finds it and adds nothing twice.
/// </summary>
internal sealed class HubRegistration
{
    /// <summary>The <c>HttpClient</c> name prefix of the Quantum API.</summary>
    public const string QuantumPrefix = "KipuHub.Quantum";

    /// <summary>The <c>HttpClient</c> name prefix of the Platform API.</summary>
    public const string PlatformPrefix = "KipuHub.Platform";

    public HubRegistration(string? serviceKey)
    {
        ServiceKey = serviceKey;
        OptionsName = serviceKey ?? Options.DefaultName;
        QuantumClientName = serviceKey is null ? QuantumPrefix : $"{QuantumPrefix}:{serviceKey}";
        PlatformClientName = serviceKey is null ? PlatformPrefix : $"{PlatformPrefix}:{serviceKey}";
        AuthKey = $"KipuHub.Auth:{serviceKey}";
    }

    /// <summary>Gets the service key, or <see langword="null"/> for the default (non-keyed) registration.</summary>
    public string? ServiceKey { get; }

    /// <summary>Gets the name of the <see cref="KipuHubOptions"/> instance.</summary>
    public string OptionsName { get; }

    /// <summary>Gets the <c>HttpClient</c> name of the Quantum API.</summary>
    public string QuantumClientName { get; }

    /// <summary>Gets the <c>HttpClient</c> name of the Platform API.</summary>
    public string PlatformClientName { get; }

    /// <summary>Gets the key of the shared <see cref="SharedAuth"/>.</summary>
    public string AuthKey { get; }

    /// <summary>Gets how validation messages name options.</summary>
    public ConfigurationKeys Keys { get; } = new(nameof(KipuHubOptions));

    /// <summary>Gets or sets the name of the Quantum client's standard resilience pipeline (its options' name).</summary>
    public string QuantumPipelineName { get; set; } = string.Empty;

    /// <summary>Gets or sets the name of the Platform client's standard resilience pipeline.</summary>
    public string PlatformPipelineName { get; set; } = string.Empty;

    /// <summary>Gets or sets the credential given to the builder, replacing the default chain.</summary>
    public Func<IServiceProvider, IHubCredential>? CredentialFactory { get; set; }
}
