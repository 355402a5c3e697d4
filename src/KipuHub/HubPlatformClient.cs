using KipuHub.Internal;

namespace KipuHub;

/// <summary>
/// The client of the Platform (catalog) API (the official SDKs' <c>HubPlatformClient</c>).
/// </summary>
/// <remarks>
/// The typed namespaces land with the Platform spec, each as a property over the same pipeline, like
/// <see cref="HubQuantumClient"/>'s. Until then, the whole API is reachable through <see cref="SendAsync"/> with the
/// token, organization, retries and logging already in place.
/// </remarks>
public class HubPlatformClient : IHubPlatformClient, IDisposable
{
    private readonly HubClientCore _core = null!;

    /// <summary>Creates a client for the public Hub with a personal access token.</summary>
    /// <param name="apiKey">The token, sent as <c>X-Auth-Token</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is null, empty or white space.</exception>
    public HubPlatformClient(string apiKey)
        : this(new HubPlatformClientOptions { ApiKey = apiKey })
    {
    }

    /// <summary>Creates a client.</summary>
    /// <param name="options">Token, organization, base URL or environment, headers, timeout, retries, transport and logging.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are incomplete or inconsistent (for example no token); the message says what to pass.</exception>
    public HubPlatformClient(HubPlatformClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.ToPipelineSettings();
        OrganizationId = settings.OrganizationId;
        _core = HubClientCore.Create(settings);
    }

    /// <summary>Creates a client over an existing pipeline (for example one from <c>IHttpClientFactory</c>).</summary>
    internal HubPlatformClient(HubClientCore core, string? organizationId)
    {
        _core = core;
        OrganizationId = organizationId;
    }

    /// <summary>Creates a client for mocking; every member of such an instance must be set up.</summary>
    protected HubPlatformClient()
    {
    }

    /// <inheritdoc />
    public virtual Uri BaseUrl => _core.BaseUrl;

    /// <inheritdoc />
    public virtual string? OrganizationId { get; }

    /// <inheritdoc />
    public virtual Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default) =>
        _core.SendAsync(request, $"{nameof(SendAsync)} {request?.Method}", cancellationToken);

    /// <summary>Releases the connections of this client.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the connections of this client.</summary>
    /// <param name="disposing"><see langword="true"/> when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _core?.Dispose();
        }
    }
}
