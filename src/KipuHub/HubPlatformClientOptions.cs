using KipuHub.Credentials;
using KipuHub.Internal;

namespace KipuHub;

/// <summary>Options of <see cref="HubPlatformClient"/>, mirroring the constructor of the official SDKs' <c>HubPlatformClient</c>.</summary>
/// <remarks>
/// <para>Give a token as <see cref="ApiKey"/> or <see cref="Credential"/> (exactly one).</para>
/// <para>
/// The base URL is <see cref="HubClientOptions.BaseUrl"/> when set, else <see cref="Environment"/>'s Platform URL,
/// else <c>https://api.hub.kipu-quantum.com/qc-catalog/</c>. The official SDKs scope Platform calls with
/// <c>headers={"X-OrganizationId": ...}</c>; <see cref="OrganizationId"/> does the same.
/// </para>
/// </remarks>
public sealed class HubPlatformClientOptions : HubClientOptions
{
    /// <summary>Gets or sets the personal access token, sent as <c>X-Auth-Token</c> (<c>api_key</c> / <c>apiKey</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Gets or sets a credential asked for the token on every request; an alternative to <see cref="ApiKey"/>.</summary>
    public IHubCredential? Credential { get; set; }

    /// <summary>Gets or sets the organization to act for, sent as <c>X-OrganizationId</c> on every request.</summary>
    public string? OrganizationId { get; set; }

    /// <summary>Gets or sets the deployment to talk to; <see cref="HubClientOptions.BaseUrl"/> wins over it.</summary>
    /// <value>Defaults to <see langword="null"/>, meaning <see cref="HubEnvironment.Default"/>.</value>
    public HubEnvironment? Environment { get; set; }

    /// <inheritdoc />
    private protected override (HubApiKind Api, Uri? DefaultBaseUrl, string Example) Endpoint =>
        (HubApiKind.Platform, (Environment ?? HubEnvironment.Default).PlatformBaseUrl, BaseUrls.PlatformExample);

    /// <inheritdoc />
    private protected override string? OrganizationIdOrNull => OrganizationId;

    /// <inheritdoc />
    private protected override IHubCredential ResolveCredential() => CredentialOptions.ResolveApiKey(ApiKey, Credential, nameof(HubPlatformClientOptions));
}
