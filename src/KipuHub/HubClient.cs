using KipuHub.Internal;

namespace KipuHub;

/// <summary>
/// What <see cref="HubQuantumClient"/>, <see cref="HubPlatformClient"/> and <see cref="HubServiceClient"/> share: one
/// configured <see cref="HttpClient"/> pipeline, its base URL, the <see cref="SendAsync(HttpRequestMessage, CancellationToken)"/> passthrough and disposal.
/// </summary>
public abstract class HubClient : IDisposable
{
    /// <summary>Creates a client over a pipeline.</summary>
    private protected HubClient(HubClientCore core) => Core = core;

    /// <summary>Creates a client for mocking; every member of such an instance must be set up.</summary>
    protected HubClient()
    {
        Core = null!;
    }

    /// <summary>Validates <paramref name="options"/> and resolves them once, for a constructor.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    private protected static PipelineSettings Settings(HubClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ToPipelineSettings();
    }

    /// <summary>Gets the base URL requests go to (ends with '/').</summary>
    public virtual Uri BaseUrl => Core.BaseUrl;

    /// <summary>The shared pipeline, error mapper and clock.</summary>
    private protected HubClientCore Core { get; }

    /// <summary>
    /// Sends a request through this client's pipeline (base URL, auth, organization, headers, retries, timeout,
    /// logging), for an endpoint without a typed method yet; the counterpart of TypeScript's <c>client.fetch</c>.
    /// </summary>
    /// <param name="request">The request; a relative URI resolves against <see cref="BaseUrl"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response, whatever its status (check it yourself); its body is not buffered. Dispose it.</returns>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="HubTimeoutException">A request got no response within the client's <c>Timeout</c> (after retries, for idempotent requests).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default) =>
        Core.SendAsync(request, $"{nameof(SendAsync)} {request?.Method}", cancellationToken);

    /// <summary>
    /// Sends a request through this client's pipeline with per-request <paramref name="options"/> (organization,
    /// timeout, retries, headers) laid over the open <see cref="HubRequestContext"/> scope, if any: the counterpart of
    /// TypeScript's <c>client.fetch(input, init, requestOptions)</c> and of Azure's <c>RequestContext</c> parameter.
    /// </summary>
    /// <param name="request">The request; a relative URI resolves against <see cref="BaseUrl"/>.</param>
    /// <param name="options">The overrides for this request; checked now (see <see cref="HubRequestContext.Begin"/>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response, whatever its status (check it yourself); its body is not buffered. Dispose it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option cannot be sent (see <see cref="HubRequestContext.Begin"/>); nothing is sent.</exception>
    /// <exception cref="HubTimeoutException">No response arrived within the timeout (after retries, for idempotent methods).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    public virtual Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HubRequestOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        request.Options.Set(Http.Internal.RequestProperties.Overrides, Http.Internal.RequestOverrides.Merge(HubRequestContext.CurrentOverrides, options));
        return SendAsync(request, cancellationToken);
    }

    /// <summary>Releases the connections of this client (an <c>HttpClient</c> or handler passed in the options stays with its owner).</summary>
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
            Core?.Dispose();
        }
    }
}
