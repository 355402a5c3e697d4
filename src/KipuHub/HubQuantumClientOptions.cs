using KipuHub.Credentials;
using KipuHub.Internal;

namespace KipuHub;

/// <summary>Options of <see cref="HubQuantumClient"/>, mirroring the constructor of the official SDKs' <c>HubQuantumClient</c>.</summary>
/// <remarks>
/// <para>Give a token as <see cref="ApiKey"/> or <see cref="Credential"/> (exactly one).</para>
/// <para>
/// The base URL is <see cref="HubClientOptions.BaseUrl"/> when set, else <see cref="Environment"/>'s Quantum URL,
/// else <c>https://api.hub.kipu-quantum.com/quantum/</c>.
/// </para>
/// </remarks>
public sealed class HubQuantumClientOptions : HubClientOptions
{
    /// <summary>Gets or sets the personal access token or service execution token, sent as <c>X-Auth-Token</c> (<c>api_key</c> / <c>apiKey</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Gets or sets a credential asked for the token on every request, for example <see cref="DefaultCredentialsProvider"/>; an alternative to <see cref="ApiKey"/>.</summary>
    public IHubCredential? Credential { get; set; }

    /// <summary>Gets or sets the organization to act for, sent as <c>X-OrganizationId</c> on every request (<c>organization_id</c>).</summary>
    /// <remarks><see cref="ContextResolver"/> finds the one <c>qhubctl</c> saved or <c>KQH_ORGANIZATION_ID</c> names.</remarks>
    public string? OrganizationId { get; set; }

    /// <summary>Gets or sets the deployment to talk to; <see cref="HubClientOptions.BaseUrl"/> wins over it.</summary>
    /// <value>Defaults to <see langword="null"/>, meaning <see cref="HubEnvironment.Default"/>.</value>
    public HubEnvironment? Environment { get; set; }

    /// <inheritdoc />
    private protected override (HubApiKind Api, Uri? DefaultBaseUrl, string Example) Endpoint =>
        (HubApiKind.Quantum, (Environment ?? HubEnvironment.Default).QuantumBaseUrl, BaseUrls.QuantumExample);

    /// <inheritdoc />
    private protected override string? OrganizationIdOrNull => OrganizationId;

    /// <inheritdoc />
    private protected override IHubCredential ResolveCredential() => CredentialOptions.ResolveApiKey(ApiKey, Credential, nameof(HubQuantumClientOptions));
}
