using KipuHub.Waiting;
using KipuHub.Credentials;
using KipuHub.Internal;
using Microsoft.Extensions.Logging;

namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>
/// Everything the handlers and clients of one named <c>HttpClient</c> need, resolved once from validated options:
/// base URL, credential, organization, headers, limits, the redactor shared with the error mapper, logging and clock.
/// </summary>
/// <remarks>A keyed singleton, keyed by the <c>HttpClient</c> name, so every handler chain the factory builds shares it.</remarks>
internal sealed class EndpointContext
{
    public EndpointContext(
        HubApiKind api,
        Uri baseUrl,
        SharedAuth auth,
        string? organizationId,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        TimeSpan timeout,
        int maxRetries,
        ILoggerFactory loggerFactory,
        TimeProvider timeProvider,
        WaitOptions? waiting = null)
    {
        Waiting = waiting;
        Api = api;
        BaseUrl = baseUrl;
        Auth = auth;
        OrganizationId = organizationId;
        Headers = headers;
        Timeout = timeout;
        MaxRetries = maxRetries;
        LoggerFactory = loggerFactory;
        TimeProvider = timeProvider;
    }

    /// <summary>Gets the API, which decides the auth header and the error advice.</summary>
    public HubApiKind Api { get; }

    /// <summary>Gets the normalised base URL (ends with '/').</summary>
    public Uri BaseUrl { get; }

    /// <summary>Gets the credential and the redactor.</summary>
    public SharedAuth Auth { get; }

    /// <summary>Gets the credential.</summary>
    public IHubCredential Credential => Auth.Credential;

    /// <summary>Gets the organization, or <see langword="null"/>.</summary>
    public string? OrganizationId { get; }

    /// <summary>Gets the extra headers.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Gets the per-attempt timeout.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Gets the number of retries of idempotent requests.</summary>
    public int MaxRetries { get; }

    /// <summary>Gets where the handlers log.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Gets the clock of the handlers.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Creates the error mapper of a facade client over this endpoint.</summary>
    public HubErrorMapper CreateErrorMapper() => new(Api, Auth.Redactor);

    /// <summary>Creates the facade core over a client from the factory (which the facade does not own).</summary>
    public HubClientCore CreateCore(HttpClient http) => new(http, ownsHttpClient: false, BaseUrl, CreateErrorMapper(), TimeProvider, Waiting);

    /// <summary>Gets the configured polling policy (<c>KipuHub:Waiting</c>), if any.</summary>
    public WaitOptions? Waiting { get; }
}
