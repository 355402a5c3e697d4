using Microsoft.Extensions.Logging;

namespace KipuHub.Credentials;

/// <summary>Options of <see cref="ClientCredentialsTokenProvider"/>.</summary>
public sealed class ClientCredentialsTokenProviderOptions
{
    /// <summary>Gets the Kipu gateway's token endpoint, <c>https://gateway.hub.kipu-quantum.com/token</c>.</summary>
    public static Uri DefaultTokenEndpoint { get; } = new("https://gateway.hub.kipu-quantum.com/token");

    /// <summary>Gets or sets the OAuth2 token endpoint.</summary>
    /// <value>Defaults to <see cref="DefaultTokenEndpoint"/>.</value>
    public Uri TokenEndpoint { get; set; } = DefaultTokenEndpoint;

    /// <summary>Gets or sets how long before expiry a token is replaced.</summary>
    /// <value>Defaults to 120 seconds, the margin of the Python service SDK.</value>
    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Gets or sets how long to wait for the token endpoint.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the handler that sends token requests; <see langword="null"/> for a default one. The caller keeps owning it.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>Gets or sets the clock used for expiry.</summary>
    /// <value>Defaults to <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the logger factory; <see langword="null"/> for no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
