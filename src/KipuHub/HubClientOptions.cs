using KipuHub.Http;
using KipuHub.Http.Internal;
using KipuHub.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KipuHub;

/// <summary>The options every Hub client shares: base URL, extra headers, timeout, retries, transport, logging and clock.</summary>
/// <remarks>
/// Plain settable properties, so an options object can be bound from configuration. A client reads its options
/// once, when it is created.
/// </remarks>
public abstract class HubClientOptions
{
    /// <summary>The default timeout per attempt, 60 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    // Credentials have their own options; letting them in through Headers would bypass the host check.
    private static readonly string[] ReservedHeaders = ["Authorization", ApiKeyAuthHandler.HeaderName];

    /// <summary>Creates the options; only the SDK's own option types derive from this class.</summary>
    private protected HubClientOptions()
    {
    }

    /// <summary>Gets or sets the API's base URL; it wins over any environment. A missing trailing '/' is added.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Gets or sets extra headers sent with every request (a header set on a request itself wins).</summary>
    /// <remarks>Credentials cannot be passed here: <c>Authorization</c> and <c>X-Auth-Token</c> are refused; use the credential options.</remarks>
    public IDictionary<string, string> Headers { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets how long one attempt may wait for a response; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit.</summary>
    /// <value>Defaults to <see cref="DefaultTimeout"/> (60 seconds).</value>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Gets or sets how many times an idempotent request is retried after a transient failure (see <see cref="RetryHandler"/>).</summary>
    /// <value>Defaults to 2.</value>
    public int MaxRetries { get; set; } = RetryHandler.DefaultMaxRetries;

    /// <summary>Gets or sets an <see cref="System.Net.Http.HttpClient"/> to send requests through, as the transport under the SDK's handlers.</summary>
    /// <remarks>
    /// The client stays yours (it is not disposed), its own handlers and <see cref="HttpClient.Timeout"/> apply per
    /// attempt, and its <see cref="HttpClient.BaseAddress"/> is ignored. It must not follow redirects by itself
    /// (build it over a handler with <c>AllowAutoRedirect = false</c>), or a redirect could carry the token to another host.
    /// Set this or <see cref="HttpMessageHandler"/>, not both.
    /// </remarks>
    public HttpClient? HttpClient { get; set; }

    /// <summary>Gets or sets the <see cref="System.Net.Http.HttpMessageHandler"/> to send requests through, under the SDK's handlers.</summary>
    /// <remarks>
    /// The handler stays yours (it is not disposed). A <see cref="SocketsHttpHandler"/> or <see cref="HttpClientHandler"/>
    /// with <c>AllowAutoRedirect = true</c> is refused: the SDK follows redirects itself so the token stays on the configured host.
    /// </remarks>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>Gets or sets where the client logs (method, path, status, duration, attempt; never tokens); <see langword="null"/> for nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Gets or sets the clock for timeouts and retry delays.</summary>
    /// <value>Defaults to <see cref="System.TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Gets or sets the polling policy of <c>WaitForCompletionAsync</c>, <c>RunJobAsync</c> and the other waits when a
    /// call passes none.
    /// </summary>
    /// <value>Defaults to <see cref="KipuHub.Waiting.WaitOptions.Default"/>.</value>
    public KipuHub.Waiting.WaitOptions? Waiting { get; set; }

    /// <summary>Validates the shared options and combines them with the client-specific parts.</summary>
    private protected PipelineSettings CreateSettings(
        string optionsName,
        HubApiKind api,
        Uri baseUrl,
        Func<Uri, TokenRedactor, DelegatingHandler> createAuthHandler,
        string? organizationId)
    {
        ValidateTransport(optionsName);
        ValidateLimits(optionsName);
        var headers = ValidateHeaders(optionsName, organizationId);
        return new PipelineSettings(
            api,
            baseUrl,
            createAuthHandler,
            string.IsNullOrWhiteSpace(organizationId) ? null : organizationId.Trim(),
            headers,
            Timeout,
            MaxRetries,
            HttpClient,
            HttpMessageHandler,
            LoggerFactory ?? NullLoggerFactory.Instance,
            TimeProvider ?? TimeProvider.System)
        {
            Waiting = Waiting,
        };
    }

    private void ValidateTransport(string optionsName)
    {
        if (HttpClient is not null && HttpMessageHandler is not null)
        {
            throw new ArgumentException($"Set either HttpClient or HttpMessageHandler in {optionsName}, not both.", nameof(HttpClient));
        }

        if (HttpMessageHandler is not null)
        {
            RedirectGuard.EnsureNoAutoRedirect(HttpMessageHandler, $"{optionsName}.{nameof(HttpMessageHandler)}");
        }
    }

    private void ValidateLimits(string optionsName)
    {
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, $"{optionsName}.Timeout must be positive, or Timeout.InfiniteTimeSpan for no limit.");
        }

        if (MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, $"{optionsName}.MaxRetries must be 0 or more.");
        }
    }

    private KeyValuePair<string, string>[] ValidateHeaders(string optionsName, string? organizationId)
    {
        var headers = (Headers ?? new Dictionary<string, string>()).ToArray();
        foreach (var (name, _) in headers)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException($"{optionsName}.Headers contains an empty header name.", nameof(Headers));
            }

            if (ReservedHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"{optionsName}.Headers must not contain '{name}': pass the token through the credential options (ApiKey, Token, Credential), which keep it on the configured host.", nameof(Headers));
            }

            if (!string.IsNullOrWhiteSpace(organizationId) && string.Equals(name, OrganizationHandler.HeaderName, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"{optionsName} sets the organization twice, as OrganizationId and as the '{name}' header; set only OrganizationId.", nameof(Headers));
            }
        }

        return headers;
    }
}
