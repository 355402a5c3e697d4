using KipuHub.Credentials;

namespace KipuHub.Extensions.DependencyInjection;

/// <summary>
/// The options of one service gateway registration (<c>KipuHubBuilder.AddServiceGateway</c>):
/// the service's gateway URL and how to get its bearer token.
/// </summary>
/// <remarks>
/// Bound from <c>KipuHub:ServiceGateways:{name}</c> when the registration comes from configuration. Give the token as
/// exactly one of <see cref="Token"/>, <see cref="AccessKeyId"/> + <see cref="SecretAccessKey"/> (the OAuth2
/// client-credentials flow, refreshed automatically) or <see cref="Credential"/>.
/// </remarks>
public sealed class KipuHubServiceGatewayOptions : KipuHubEndpointOptions
{
    /// <summary>Gets or sets the service's full gateway URL (<c>BaseUrl</c>), <c>https://gateway.hub.kipu-quantum.com/&lt;context&gt;/&lt;service&gt;/&lt;version&gt;</c>. Required.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Gets or sets a fixed gateway bearer token (<c>Token</c>); short-lived, so prefer the access key pair for services.</summary>
    public string? Token { get; set; }

    /// <summary>Gets or sets the application's access key id (<c>AccessKeyId</c>), exchanged with <see cref="SecretAccessKey"/> for gateway tokens.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>Gets or sets the application's secret access key (<c>SecretAccessKey</c>); keep it in user secrets or the environment.</summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>Gets or sets the OAuth2 token endpoint (<c>TokenEndpoint</c>).</summary>
    /// <value>Defaults to <see langword="null"/>, meaning <see cref="ClientCredentialsTokenProviderOptions.DefaultTokenEndpoint"/>.</value>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>Gets or sets a credential supplying the bearer token. Code only.</summary>
    public IHubCredential? Credential { get; set; }
}
