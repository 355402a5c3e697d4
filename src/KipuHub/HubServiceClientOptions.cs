using KipuHub.Credentials;
using KipuHub.Internal;

namespace KipuHub;

/// <summary>Options of <see cref="HubServiceClient"/>, mirroring the constructor of the official SDKs' <c>HubServiceClient</c>.</summary>
/// <remarks>
/// <para>
/// <see cref="HubClientOptions.BaseUrl"/> is required: the service's full gateway URL,
/// <c>https://gateway.hub.kipu-quantum.com/&lt;context&gt;/&lt;service&gt;/&lt;version&gt;</c>. The SDK cannot guess it.
/// </para>
/// <para>
/// Give the bearer token as exactly one of <see cref="Token"/> (fixed), <see cref="TokenProvider"/> (asked on every
/// request, like Python's <c>async_token</c>) or <see cref="Credential"/> (for example <see cref="ClientCredentialsTokenProvider"/>).
/// </para>
/// </remarks>
public sealed class HubServiceClientOptions : HubClientOptions
{
    /// <summary>Gets or sets a gateway bearer token, sent as <c>Authorization: Bearer</c> (<c>token</c>).</summary>
    /// <remarks>Gateway tokens are short-lived; for long-running code prefer <see cref="TokenProvider"/> or <see cref="Credential"/>.</remarks>
    public string? Token { get; set; }

    /// <summary>Gets or sets a function returning the current bearer token, called on every request (it should cache).</summary>
    public Func<CancellationToken, ValueTask<string>>? TokenProvider { get; set; }

    /// <summary>Gets or sets a credential supplying the bearer token, for example <see cref="ClientCredentialsTokenProvider"/>.</summary>
    public IHubCredential? Credential { get; set; }

    /// <inheritdoc />
    private protected override (HubApiKind Api, Uri? DefaultBaseUrl, string Example) Endpoint => (HubApiKind.Service, null, BaseUrls.GatewayExample);

    /// <inheritdoc />
    private protected override (string? Name, string? Value) TokenOption => (nameof(Token), Token);

    /// <inheritdoc />
    private protected override string MissingBaseUrl =>
        "Please provide 'BaseUrl' in HubServiceClientOptions when creating the client: the full gateway URL of the service, " +
        "https://gateway.hub.kipu-quantum.com/<context>/<service>/<version>, as shown on the service's page in the Hub. The SDK cannot guess it.";

    /// <inheritdoc />
    private protected override IHubCredential ResolveCredential() => CredentialOptions.ResolveBearer(Token, TokenProvider, Credential, nameof(HubServiceClientOptions));
}
