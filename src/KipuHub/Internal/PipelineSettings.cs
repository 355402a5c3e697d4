using KipuHub.Credentials;
using KipuHub.Http;
using Microsoft.Extensions.Logging;

namespace KipuHub.Internal;

/// <summary>
/// A client's options after validation: what <see cref="Http.Internal.HubPipelineRecipe"/> needs to build the handler
/// chain. Options are resolved once, at construction, so changing an options object later does not affect a client.
/// </summary>
internal sealed record PipelineSettings(
    HubApiKind Api,
    Uri BaseUrl,
    IHubCredential Credential,
    string? OrganizationId,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    TimeSpan Timeout,
    int MaxRetries,
    HttpClient? HttpClient,
    HttpMessageHandler? HttpMessageHandler,
    ILoggerFactory LoggerFactory,
    TimeProvider TimeProvider,
    IReadOnlyList<(Func<DelegatingHandler> Create, HubPipelinePosition Position)> UserHandlers)
{
    /// <summary>Gets the polling policy used when a wait call passes none.</summary>
    public Waiting.WaitOptions? Waiting { get; init; }

    /// <summary>Gets the redactor shared by the auth handler and the client's error mapper (one per process: see <see cref="TokenRedactor.Shared"/>).</summary>
    public TokenRedactor Redactor => TokenRedactor.Shared;
}
