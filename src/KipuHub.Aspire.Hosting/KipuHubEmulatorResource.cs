namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// The local Kipu Quantum Hub emulator (<c>kipuhub-emulator</c>) as an executable resource. Its connection string names
/// the Quantum and Platform base URLs and the Service gateway root of its one HTTP endpoint and the dev token it accepts.
/// </summary>
/// <param name="name">The resource name, also the connection string's name.</param>
/// <param name="command">The command that starts the emulator (<c>kipuhub-emulator</c>, or <c>dotnet</c> with the tool's assembly).</param>
/// <param name="workingDirectory">The working directory of the emulator process.</param>
/// <param name="token">The secret parameter holding the personal access token the emulator accepts.</param>
public sealed class KipuHubEmulatorResource(string name, string command, string workingDirectory, ParameterResource token)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    /// <summary>The name of the emulator's HTTP endpoint.</summary>
    public const string HttpEndpointName = "http";

    private EndpointReference? _http;

    /// <summary>The personal access token the emulator accepts (a secret parameter).</summary>
    public ParameterResource Token { get; } = token;

    /// <summary>The emulator's HTTP endpoint (every API is served under it).</summary>
    public EndpointReference HttpEndpoint => _http ??= new EndpointReference(this, HttpEndpointName);

    /// <summary>
    /// <c>Endpoint=…/quantum/;PlatformEndpoint=…/qc-catalog/;ServiceEndpoint=…/gateway/;Token=…;ServiceToken=…</c>: the
    /// emulator accepts its one token on every API, the Service gateway included.
    /// </summary>
    public ReferenceExpression ConnectionStringExpression =>
        KipuHubConnectionStrings.Create(
            ReferenceExpression.Create($"{HttpEndpoint.Property(EndpointProperty.Url)}/quantum/"),
            ReferenceExpression.Create($"{HttpEndpoint.Property(EndpointProperty.Url)}/qc-catalog/"),
            ReferenceExpression.Create($"{HttpEndpoint.Property(EndpointProperty.Url)}/gateway/"),
            Token,
            Token);
}
