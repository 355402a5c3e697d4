using KipuHub.Internal;

namespace KipuHub;

/// <summary>Options of <see cref="HubPlatformClient"/>, mirroring the constructor of the official SDKs' <c>HubPlatformClient</c>.</summary>
/// <remarks>
/// <para>Give a token as <see cref="HubAccountClientOptions.ApiKey"/> or <see cref="HubAccountClientOptions.Credential"/> (exactly one).</para>
/// <para>
/// The base URL is <see cref="HubClientOptions.BaseUrl"/> when set, else <see cref="HubAccountClientOptions.Environment"/>'s Platform URL,
/// else <c>https://api.hub.kipu-quantum.com/qc-catalog/</c>. The official SDKs scope Platform calls with
/// <c>headers={"X-OrganizationId": ...}</c>; <see cref="HubAccountClientOptions.OrganizationId"/> does the same.
/// </para>
/// </remarks>
public sealed class HubPlatformClientOptions : HubAccountClientOptions
{
    /// <inheritdoc />
    private protected override (HubApiKind Api, Uri? DefaultBaseUrl, string Example) Endpoint =>
        (HubApiKind.Platform, (Environment ?? HubEnvironment.Default).PlatformBaseUrl, BaseUrls.PlatformExample);
}
