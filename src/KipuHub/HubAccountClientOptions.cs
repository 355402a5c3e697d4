using KipuHub.Credentials;
using KipuHub.Internal;

namespace KipuHub;

/// <summary>
/// The options of the clients that act for an account or an organization with an <c>X-Auth-Token</c>:
/// <see cref="HubQuantumClientOptions"/> and <see cref="HubPlatformClientOptions"/>.
/// </summary>
/// <remarks>Give a token as <see cref="ApiKey"/> or <see cref="Credential"/> (exactly one).</remarks>
public abstract class HubAccountClientOptions : HubClientOptions
{
    /// <summary>Creates the options; only the SDK's own option types derive from this class.</summary>
    private protected HubAccountClientOptions()
    {
    }

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
    private protected override string? OrganizationIdOrNull => OrganizationId;

    private protected override (string? Name, string? Value) TokenOption => (nameof(ApiKey), ApiKey);

    /// <inheritdoc />
    private protected override IHubCredential ResolveCredential() => CredentialOptions.ResolveApiKey(ApiKey, Credential, GetType().Name);
}
