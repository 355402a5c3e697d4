namespace Aspire.Hosting.ApplicationModel;

/// <summary>The real Kipu Quantum Hub: no process, only a connection string with its base URLs and a secret token.</summary>
/// <param name="name">The resource name, also the connection string's name.</param>
/// <param name="token">The secret parameter holding the personal access token.</param>
public sealed class KipuHubResource(string name, ParameterResource token) : Resource(name), IResourceWithConnectionString
{
    /// <summary>The personal access token (a secret parameter).</summary>
    public ParameterResource Token { get; } = token;

    /// <summary>The Quantum API base URL.</summary>
    public Uri QuantumEndpoint { get; set => field = value ?? throw new ArgumentNullException(nameof(value), "QuantumEndpoint is required: the connection string carries every base URL."); } = new("https://api.hub.kipu-quantum.com/quantum/");

    /// <summary>The Platform API base URL.</summary>
    public Uri PlatformEndpoint { get; set => field = value ?? throw new ArgumentNullException(nameof(value), "PlatformEndpoint is required: the connection string carries every base URL."); } = new("https://api.hub.kipu-quantum.com/qc-catalog/");

    /// <summary>
    /// The Service gateway root; a gateway whose <c>BaseUrl</c> is relative (<c>&lt;context&gt;/&lt;service&gt;/&lt;version&gt;/</c>)
    /// is resolved against it.
    /// </summary>
    public Uri ServiceEndpoint { get; set => field = value ?? throw new ArgumentNullException(nameof(value), "ServiceEndpoint is required: the connection string carries every base URL."); } = new("https://gateway.hub.kipu-quantum.com/");

    /// <summary>
    /// <c>Endpoint=…;PlatformEndpoint=…;ServiceEndpoint=…;Token=…</c>, no <c>ServiceToken</c>: the real gateways take
    /// each application's access key pair, configured per gateway.
    /// </summary>
    public ReferenceExpression ConnectionStringExpression =>
        KipuHubConnectionStrings.Create(
            ReferenceExpression.Create($"{QuantumEndpoint.ToString()}"),
            ReferenceExpression.Create($"{PlatformEndpoint.ToString()}"),
            ReferenceExpression.Create($"{ServiceEndpoint.ToString()}"),
            Token);
}
