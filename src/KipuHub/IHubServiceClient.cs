using KipuHub.Generated.Service;
using KipuHub.Service;
using KipuHub.Waiting;

namespace KipuHub;

/// <summary>
/// The Service API of one deployed service, through the gateway. Mock this interface (and <see cref="IServiceApiClient"/>)
/// to test code that uses <see cref="HubServiceClient"/>.
/// </summary>
public interface IHubServiceClient
{
    /// <summary>Gets the service's gateway URL requests go to (ends with '/').</summary>
    Uri BaseUrl { get; }

    /// <summary>Gets the <c>service_api</c> namespace: start executions, read their status, results and logs, cancel them.</summary>
    /// <remarks>Failures surface as <see cref="HubApiException"/> subclasses, <see cref="HubTimeoutException"/>, or <see cref="KipuHub.CredentialUnavailableException"/>. <c>StartExecutionAsync</c> is never retried automatically.</remarks>
    IServiceApiClient ServiceApi { get; }

    /// <summary>
    /// Sends a request through this client's pipeline (base URL, bearer token, headers, retries, timeout, logging),
    /// for an endpoint without a typed method yet; the counterpart of TypeScript's <c>client.fetch</c>.
    /// </summary>
    /// <param name="request">The request; a relative URI resolves against <see cref="BaseUrl"/>.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The response, whatever its status (check it yourself); its body is not buffered. Dispose it.</returns>
    /// <exception cref="HubTimeoutException">No response arrived within the timeout (after retries, for idempotent methods).</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a request through this client's pipeline with per-request <paramref name="options"/> (organization,
    /// timeout, retries, headers) laid over the open <see cref="HubRequestContext"/> scope, if any.
    /// </summary>
    /// <param name="request">The request; a relative URI resolves against <see cref="BaseUrl"/>.</param>
    /// <param name="options">The overrides for this request; checked now (see <see cref="HubRequestContext.Begin"/>).</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The response, whatever its status (check it yourself); its body is not buffered. Dispose it.</returns>
    /// <exception cref="ArgumentException">An option cannot be sent; nothing is sent.</exception>
    /// <exception cref="HubTimeoutException">No response arrived within the timeout (after retries, for idempotent methods).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HubRequestOptions options, CancellationToken cancellationToken = default);

    /// <summary>Waits until the execution is <c>SUCCEEDED</c>, <c>FAILED</c> or <c>CANCELLED</c> and returns it (see <see cref="WaitOptions"/>).</summary>
    /// <param name="executionId">The execution.</param>
    /// <param name="options">Polling policy.</param>
    /// <param name="progress">Receives status changes.</param>
    /// <param name="cancellationToken">Stops waiting (not the execution).</param>
    /// <exception cref="HubTimeoutException">The wait's <see cref="WaitOptions.Timeout"/> passed (<see cref="HubTimeoutException.LastStatus"/> says where it was), or a request got no response in time.</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ServiceExecution> WaitForCompletionAsync(string executionId, WaitOptions? options = null, IProgress<ServiceExecutionStatus>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>The execution's status now and at every change, ending after a terminal status.</summary>
    /// <param name="executionId">The execution.</param>
    /// <param name="options">Polling policy.</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <exception cref="HubTimeoutException">The wait's <see cref="WaitOptions.Timeout"/> passed (<see cref="HubTimeoutException.LastStatus"/> says where it was), or a request got no response in time.</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    IAsyncEnumerable<ServiceExecutionStatus> WatchAsync(string executionId, WaitOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Log entries as they appear while the execution runs (oldest first), ending once it has finished and its last entries were read.</summary>
    /// <param name="executionId">The execution.</param>
    /// <param name="options">Polling policy.</param>
    /// <param name="cancellationToken">Stops following.</param>
    /// <exception cref="HubTimeoutException">The wait's <see cref="WaitOptions.Timeout"/> passed (<see cref="HubTimeoutException.LastStatus"/> says where it was), or a request got no response in time.</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    IAsyncEnumerable<LogEntry> FollowLogsAsync(string executionId, WaitOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Starts an execution, waits for it, and returns its result.</summary>
    /// <param name="request">The request body (<c>input</c>, <c>inputDataRefs</c>, anything else is forwarded).</param>
    /// <param name="options">Polling policy.</param>
    /// <param name="progress">Receives status changes.</param>
    /// <param name="cancellationToken">Stops the call (a started execution keeps running).</param>
    /// <exception cref="ServiceExecutionFailedException">It ended <c>FAILED</c> or <c>CANCELLED</c>.</exception>
    /// <exception cref="HubTimeoutException">The wait's <see cref="WaitOptions.Timeout"/> passed (<see cref="HubTimeoutException.LastStatus"/> says where it was), or a request got no response in time.</exception>
    /// <exception cref="HubResponseFormatException">The Hub answered 2xx with a body that is not what the operation defines.</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ServiceExecutionResult> RunAsync(StartExecutionRequest request, WaitOptions? options = null, IProgress<ServiceExecutionStatus>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Streams one result file into <paramref name="destination"/> in constant memory.</summary>
    /// <param name="executionId">The execution.</param>
    /// <param name="fileName">The file (a key of the result's <c>_links</c>).</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="progress">Receives the byte count so far.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <exception cref="HubDownloadException">The download was cut short or is longer than announced; nothing partial is reported as success.</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="HubTimeoutException">A request got no response within the client's <c>Timeout</c> (after retries, for idempotent requests).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<long> CopyResultFileToAsync(string executionId, string fileName, Stream destination, IProgress<long>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Downloads one result file to <paramref name="path"/> via a temporary file, so a cut-off download leaves no file behind.</summary>
    /// <param name="executionId">The execution.</param>
    /// <param name="fileName">The file (a key of the result's <c>_links</c>).</param>
    /// <param name="path">Destination file.</param>
    /// <param name="overwrite">Whether an existing file may be replaced.</param>
    /// <param name="progress">Receives the byte count so far.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <exception cref="HubDownloadException">The download was cut short or is longer than announced; nothing partial is reported as success.</exception>
    /// <exception cref="IOException">The file could not be written (a partial download never appears at <paramref name="path"/>).</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="HubTimeoutException">A request got no response within the client's <c>Timeout</c> (after retries, for idempotent requests).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<long> DownloadResultFileAsync(string executionId, string fileName, string path, bool overwrite = false, IProgress<long>? progress = null, CancellationToken cancellationToken = default);
}
