using KipuHub.Internal;

namespace KipuHub;

/// <summary>Options of <see cref="HubQuantumClient"/>, mirroring the constructor of the official SDKs' <c>HubQuantumClient</c>.</summary>
/// <remarks>
/// <para>Give a token as <see cref="HubAccountClientOptions.ApiKey"/> or <see cref="HubAccountClientOptions.Credential"/> (exactly one).</para>
/// <para>
/// The base URL is <see cref="HubClientOptions.BaseUrl"/> when set, else <see cref="HubAccountClientOptions.Environment"/>'s Quantum URL,
/// else <c>https://api.hub.kipu-quantum.com/quantum/</c>.
/// </para>
/// </remarks>
public sealed class HubQuantumClientOptions : HubAccountClientOptions
{
    /// <inheritdoc />
    private protected override (HubApiKind Api, Uri? DefaultBaseUrl, string Example) Endpoint =>
        (HubApiKind.Quantum, (Environment ?? HubEnvironment.Default).QuantumBaseUrl, BaseUrls.QuantumExample);
}
