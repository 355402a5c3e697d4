namespace KipuHub.Aspire;

/// <summary>The Aspire-level switches of <c>AddKipuHubClient</c> (section <c>Aspire:KipuHub:Client</c>).</summary>
public sealed class KipuHubClientSettings
{
    /// <summary>The Quantum API base URL (the connection string's <c>Endpoint</c>).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The Platform API base URL (the connection string's <c>PlatformEndpoint</c>).</summary>
    public Uri? PlatformEndpoint { get; set; }

    /// <summary>
    /// The Service gateway root (the connection string's <c>ServiceEndpoint</c>): every service gateway configured with a
    /// relative <c>BaseUrl</c> (<c>KipuHub:ServiceGateways:echo:BaseUrl</c> = <c>kipu-demo/echo/1.0.0/</c>) is resolved against it.
    /// </summary>
    public Uri? ServiceEndpoint { get; set; }

    /// <summary>The personal access token (the connection string's <c>Token</c>). Never logged.</summary>
    public string? Token { get; set; }

    /// <summary>
    /// The gateway bearer token (the connection string's <c>ServiceToken</c>, written by the emulator resource): given to
    /// every gateway resolved against <see cref="ServiceEndpoint"/> that has no token source of its own. Never logged.
    /// </summary>
    public string? ServiceToken { get; set; }

    /// <summary>Leaves out the <c>kipuhub</c> health check.</summary>
    public bool DisableHealthChecks { get; set; }

    /// <summary>Leaves out the "KipuHub" activity source from OpenTelemetry tracing.</summary>
    public bool DisableTracing { get; set; }

    /// <summary>Leaves out the "KipuHub" meter from OpenTelemetry metrics.</summary>
    public bool DisableMetrics { get; set; }

    /// <summary>Reads <c>Endpoint=…;PlatformEndpoint=…;ServiceEndpoint=…;Token=…[;ServiceToken=…]</c> (keys case-insensitive, unknown keys ignored).</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <exception cref="FormatException">A URL is not absolute; the message never holds the connection string.</exception>
    public void ParseConnectionString(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (key.Equals("Token", StringComparison.OrdinalIgnoreCase))
            {
                Token = value;
            }
            else if (key.Equals("ServiceToken", StringComparison.OrdinalIgnoreCase))
            {
                ServiceToken = value.Length == 0 ? null : value;
            }
            else if (key.Equals("Endpoint", StringComparison.OrdinalIgnoreCase))
            {
                Endpoint = Url(key, value);
            }
            else if (key.Equals("PlatformEndpoint", StringComparison.OrdinalIgnoreCase))
            {
                PlatformEndpoint = Url(key, value);
            }
            else if (key.Equals("ServiceEndpoint", StringComparison.OrdinalIgnoreCase))
            {
                ServiceEndpoint = value.Length == 0 ? null : Url(key, value);
            }
        }
    }

    private static Uri Url(string key, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url)
            ? url
            : throw new FormatException($"The KipuHub connection string's '{key}' is not an absolute URL.");
}
