using Microsoft.Extensions.Logging;

namespace KipuHub.Internal;

/// <summary>
/// A client's options after validation: what <see cref="Http.HubHttpPipeline"/> needs to build the handler chain.
/// Options are resolved once, at construction, so changing an options object later does not affect a client.
/// </summary>
internal sealed record PipelineSettings(
    HubApiKind Api,
    Uri BaseUrl,
    Func<Uri, TokenRedactor, DelegatingHandler> CreateAuthHandler,
    string? OrganizationId,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    TimeSpan Timeout,
    int MaxRetries,
    HttpClient? HttpClient,
    HttpMessageHandler? HttpMessageHandler,
    ILoggerFactory LoggerFactory,
    TimeProvider TimeProvider)
{
    /// <summary>Gets the polling policy used when a wait call passes none.</summary>
    public Waiting.WaitOptions? Waiting { get; init; }

    /// <summary>Gets the redactor shared by the auth handler and the client's error mapper.</summary>
    public TokenRedactor Redactor { get; } = new();
}
