namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>One service gateway registration: its key (the gateway name), names, and where its options came from.</summary>
internal sealed class GatewayRegistration
{
    /// <summary>The <c>HttpClient</c> name prefix of service gateways.</summary>
    public const string Prefix = "KipuHub.Service";

    public GatewayRegistration(string name)
    {
        Name = name;
        ClientName = $"{Prefix}:{name}";
        AuthKey = $"KipuHub.GatewayAuth:{name}";
    }

    /// <summary>Gets the gateway name, which is also the service key and the options name.</summary>
    public string Name { get; }

    /// <summary>Gets the <c>HttpClient</c> name.</summary>
    public string ClientName { get; }

    /// <summary>Gets the key of the gateway's <see cref="SharedAuth"/>.</summary>
    public string AuthKey { get; }

    /// <summary>Gets how validation messages name options.</summary>
    public ConfigurationKeys Keys { get; } = new(nameof(KipuHubServiceGatewayOptions));

    /// <summary>Gets or sets the name of the gateway client's standard resilience pipeline.</summary>
    public string PipelineName { get; set; } = string.Empty;
}
