using KipuHub.Generated.Quantum;
using KipuHub.Jobs;
using KipuHub.Paging;
using KipuHub.Sessions;
using KipuHub.Waiting;

namespace KipuHub;

/// <summary>
/// The Quantum API: backends, sessions, jobs and workloads. Mock this interface (and the namespace interfaces it
/// returns) to test code that uses <see cref="HubQuantumClient"/>.
/// </summary>
public partial interface IHubQuantumClient
{
    /// <summary>Gets the base URL requests go to (ends with '/').</summary>
    Uri BaseUrl { get; }

    /// <summary>Gets the organization every request is scoped to (<c>X-OrganizationId</c>), or <see langword="null"/>.</summary>
    string? OrganizationId { get; }

    /// <summary>
    /// Sends a request through this client's pipeline (base URL, auth, organization, headers, retries, timeout,
    /// logging), for an endpoint without a typed method yet; the counterpart of TypeScript's <c>client.fetch</c>.
    /// </summary>
    /// <param name="request">The request; a relative URI (<c>"jobs/42"</c> or <c>"/jobs/42"</c>) resolves against <see cref="BaseUrl"/>.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The response, whatever its status (check it yourself); its body is not buffered. Dispose it.</returns>
    /// <exception cref="HubTimeoutException">No response arrived within the timeout (after retries, for idempotent methods).</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default);

    /// <summary>
    /// The least-busy backend of a provider (the newer docs' "least-busy backend for a provider"): among its
    /// <c>ONLINE</c> backends, the one with the shortest queue (<c>queue_size</c>; ties by id, an unknown queue last).
    /// One <c>GET /backends?provider=</c> request; a facade helper, since the Hub's own method has no published path.
    /// </summary>
    /// <param name="provider">The provider, e.g. <see cref="BackendProvider.Aws"/>.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The backend, or <see langword="null"/> when the provider has no <c>ONLINE</c> backend.</returns>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, ...).</exception>
    /// <exception cref="HubResponseFormatException">The Hub answered 2xx with a body that is not a backend list.</exception>
    /// <exception cref="HubTimeoutException">No response arrived within the timeout (after retries).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<Backend?> GetLeastBusyBackendAsync(BackendProvider provider, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets this client's budget (<see cref="HubQuantumClientOptions.MaxCost"/> or <see cref="HubQuantumClientOptions.CostBudget"/>;
    /// under <c>AddKipuHub</c> the registration's, from <c>KipuHub:MaxCost</c>): what it allows, let through and refused.
    /// </summary>
    /// <value><see langword="null"/> when the client has no budget.</value>
    HubCostBudget? CostBudget { get; }

    /// <summary>
    /// Checks a job against its backend before anything is sent (preflight): status (OFFLINE, RETIRED), qubits used
    /// (the IonQ circuit's <c>qubits</c> and targets, the OpenQASM <c>qubit[n]</c>/<c>qreg</c> declarations) against
    /// <c>configuration.qubit_count</c>, shots against <c>shots_range</c>, <c>input_format</c> against
    /// <c>supported_input_formats</c>, a native IonQ circuit's gates against <c>gates</c>, the daily
    /// <c>availability</c> windows, and a Perceval input state against the photonic mode and photon limits.
    /// One <c>GET /backends/{id}</c>, cached for 60 seconds on the client's clock.
    /// </summary>
    /// <param name="request">The job to check; it is not changed.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>Every problem found, each with a code and a message that says what to change; <see cref="JobPreflightResult.IsValid"/> when none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request names no backend.</exception>
    /// <exception cref="NotFoundException">The backend does not exist.</exception>
    /// <exception cref="HubApiException">The Hub answered with another error status; the subclass names it.</exception>
    /// <exception cref="HubTimeoutException">No response arrived within the timeout (after retries).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<JobPreflightResult> ValidateJobAsync(CreateJobRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Estimates what a job will cost from its backend's <c>costs</c> (<c>{granularity, currency, value}</c>): per job
    /// or task 1 unit, per shot the shots, per gate-shot gates x shots, per second/minute/hour an assumed run time of one
    /// minute; a <c>free_of_charge</c> backend costs 0. One <c>GET /backends/{id}</c>, cached for 60 seconds.
    /// </summary>
    /// <param name="request">The job to price; it is not changed and not sent.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The breakdown, its total and every assumption it made; the Hub's bill is what counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request names no backend.</exception>
    /// <exception cref="NotFoundException">The backend does not exist.</exception>
    /// <exception cref="HubApiException">The Hub answered with another error status; the subclass names it.</exception>
    /// <exception cref="HubTimeoutException">No response arrived within the timeout (after retries).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<JobCostEstimate> EstimateCostAsync(CreateJobRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// The <c>ONLINE</c> backends that match the criteria (provider, fewest qubits, input format, free or priced), best
    /// first: by queue size, or by the estimated cost of <see cref="BackendSelectionCriteria.Job"/> (ties by queue, then id).
    /// One <c>GET /backends</c> request.
    /// </summary>
    /// <param name="criteria">What to look for.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The matching backends, best first; empty when none matches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criteria"/> is null.</exception>
    /// <exception cref="ArgumentException">Ordering by cost without a job to price.</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it.</exception>
    /// <exception cref="HubTimeoutException">No response arrived within the timeout (after retries).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<IReadOnlyList<Backend>> SelectBackendAsync(BackendSelectionCriteria criteria, CancellationToken cancellationToken = default);

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

    /// <summary>Submits a job (one POST, never retried, so it is never created twice) and returns it.</summary>
    /// <param name="request">The job.</param>
    /// <param name="cancellationToken">Cancels the request; if the Hub already accepted it, the job exists.</param>
    /// <exception cref="HubTimeoutException">No response within the timeout; the job may exist (a job POST is never retried: the message says how to find it).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke; the job may exist when <see cref="HubTransportException.RequestMayHaveReachedTheHub"/> is true.</exception>
    /// <exception cref="HubResponseFormatException">The Hub answered 2xx with a body that is not what the operation defines.</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="JobPreflightException">The job failed the check against its backend (<see cref="HubQuantumClientOptions.ValidateBeforeSubmit"/>, on by default); nothing was sent.</exception>
    /// <exception cref="JobBudgetExceededException">The job's estimate would cross a budget (<see cref="HubQuantumClientOptions.MaxCost"/>, <see cref="HubQuantumClientOptions.CostBudget"/> or a <see cref="HubCostScope"/>); nothing was sent.</exception>
    /// <exception cref="HubRequestNotSentException">Nothing was sent: the check before the POST could not read the backend (5xx, 408, 429, timeout, broken connection), or the resilience pipeline refused the request.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<Job> SubmitJobAsync(CreateJobRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits until the job is <c>COMPLETED</c>, <c>FAILED</c>, <c>ABORTED</c> or <c>CANCELLED</c> and returns its final record.
    /// Polls with backoff (see <see cref="WaitOptions"/>); throws <see cref="HubTimeoutException"/> (with the last status) when
    /// <see cref="WaitOptions.Timeout"/> passes. Cancelling stops the wait only, not the job.
    /// </summary>
    /// <param name="jobId">The job.</param>
    /// <param name="options">Polling policy; <see cref="WaitOptions.Default"/> when null.</param>
    /// <param name="progress">Receives the first status and every change.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="HubTimeoutException">The wait's <see cref="WaitOptions.Timeout"/> passed (<see cref="HubTimeoutException.LastStatus"/> says where it was), or a request got no response in time.</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<Job> WaitForCompletionAsync(string jobId, WaitOptions? options = null, IProgress<JobStatus>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>The job's status now and at every change, ending after a terminal status.</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="options">Polling policy.</param>
    /// <param name="cancellationToken">Stops watching (not the job).</param>
    /// <exception cref="HubTimeoutException">The wait's <see cref="WaitOptions.Timeout"/> passed (<see cref="HubTimeoutException.LastStatus"/> says where it was), or a request got no response in time.</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    IAsyncEnumerable<JobStatus> WatchAsync(string jobId, WaitOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Waits for several jobs at once; the result is in the order of <paramref name="jobIds"/>.</summary>
    /// <param name="jobIds">The jobs.</param>
    /// <param name="options">Polling policy for each.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="HubTimeoutException">The wait's <see cref="WaitOptions.Timeout"/> passed (<see cref="HubTimeoutException.LastStatus"/> says where it was), or a request got no response in time.</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<IReadOnlyList<Job>> WaitForAllAsync(IEnumerable<string> jobIds, WaitOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Submits, waits and fetches the result: the whole quickstart in one call.</summary>
    /// <param name="request">The job.</param>
    /// <param name="options">Polling policy.</param>
    /// <param name="progress">Receives status changes.</param>
    /// <param name="cancellationToken">Stops the call (a submitted job keeps running).</param>
    /// <exception cref="JobFailedException">
    /// The job ended <c>FAILED</c>, <c>ABORTED</c> or <c>CANCELLED</c>; carries its error detail, and for a FAILED job
    /// the failure document the Hub answers for its result (<see cref="JobFailedException.FailureResult"/>, read best-effort).
    /// </exception>
    /// <exception cref="JobPreflightException">The job failed the check against its backend (<see cref="HubQuantumClientOptions.ValidateBeforeSubmit"/>, on by default); nothing was sent.</exception>
    /// <exception cref="JobBudgetExceededException">The job's estimate would cross a budget (<see cref="HubQuantumClientOptions.MaxCost"/>, <see cref="HubQuantumClientOptions.CostBudget"/> or a <see cref="HubCostScope"/>); nothing was sent.</exception>
    /// <exception cref="HubRequestNotSentException">Nothing was sent: the check before the POST could not read the backend (5xx, 408, 429, timeout, broken connection), or the resilience pipeline refused the request.</exception>
    /// <exception cref="HubTimeoutException">The wait's <see cref="WaitOptions.Timeout"/> passed (<see cref="HubTimeoutException.LastStatus"/> says where it was), or a request got no response in time.</exception>
    /// <exception cref="HubResponseFormatException">The Hub answered 2xx with a body that is not what the operation defines.</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<JobResult> RunJobAsync(CreateJobRequest request, WaitOptions? options = null, IProgress<JobStatus>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Submits many jobs with bounded concurrency; results come back in input order. The requests passed in are never
    /// changed: each POST is a copy carrying the caller's tags plus its own batch tag (its client token), so one request
    /// object may be passed many times. A submission whose answer was lost is looked up by its token among the newest
    /// jobs (docs/beyond-the-official-sdks.md#resolved-submissions). Each result's <see cref="JobSubmission.Outcome"/> says whether the job was
    /// created, refused, never sent or proven not created (safe to submit again;
    /// <see cref="JobBatchOptions.ResubmitWhenProvenNotCreated"/> does it), or is unknown (never submitted again).
    /// </summary>
    /// <param name="requests">The jobs.</param>
    /// <param name="options">Concurrency and tagging.</param>
    /// <param name="cancellationToken">Stops submitting.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; jobs already accepted exist. Every other failure is reported in its <see cref="JobSubmission"/>, not thrown.</exception>
    Task<IReadOnlyList<JobSubmission>> SubmitJobsAsync(IEnumerable<CreateJobRequest> requests, JobBatchOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Streams the job's result file into <paramref name="destination"/> in constant memory.</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="progress">Receives the byte count so far.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>Bytes copied.</returns>
    /// <exception cref="HubDownloadException">The download was cut short or is longer than announced; nothing partial is reported as success.</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="HubTimeoutException">A request got no response within the client's <c>Timeout</c> (after retries, for idempotent requests).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<long> CopyJobResultToAsync(string jobId, Stream destination, IProgress<long>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Downloads the job's result file to <paramref name="path"/> in constant memory. The bytes go to a temporary file
    /// that is moved into place only when complete: a cut-off download throws <see cref="KipuHub.HubDownloadException"/> and leaves no file.
    /// </summary>
    /// <param name="jobId">The job.</param>
    /// <param name="path">Destination file.</param>
    /// <param name="overwrite">Whether an existing file may be replaced.</param>
    /// <param name="progress">Receives the byte count so far.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>Bytes written.</returns>
    /// <exception cref="HubDownloadException">The download was cut short or is longer than announced; nothing partial is reported as success.</exception>
    /// <exception cref="IOException">The file could not be written (a partial download never appears at <paramref name="path"/>).</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="HubTimeoutException">A request got no response within the client's <c>Timeout</c> (after retries, for idempotent requests).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<long> DownloadJobResultAsync(string jobId, string path, bool overwrite = false, IProgress<long>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Parses the job's result stream into JSON without first building a string of it.</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <exception cref="HubResponseFormatException">The result is not valid JSON.</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="HubTimeoutException">A request got no response within the client's <c>Timeout</c> (after retries, for idempotent requests).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<Newtonsoft.Json.Linq.JToken> ReadJobResultAsync(string jobId, CancellationToken cancellationToken = default);

    /// <summary>All jobs, fetched page by page as you enumerate.</summary>
    /// <param name="pageSize">Items per request; the server default when null.</param>
    /// <param name="sort">Sort criteria such as <c>created_at,desc</c>.</param>
    /// <exception cref="HubApiException">While enumerating: the Hub answered a page with an error status (the subclass names it).</exception>
    /// <exception cref="HubTimeoutException">While enumerating: a page got no response within the client's <c>Timeout</c>.</exception>
    /// <exception cref="HubTransportException">While enumerating: the connection failed or broke.</exception>
    /// <exception cref="OperationCanceledException">While enumerating: the enumeration's token was cancelled.</exception>
    AsyncPageable<Job> GetJobsAsync(int? pageSize = null, IEnumerable<string>? sort = null);

    /// <summary>All jobs and sessions, fetched page by page as you enumerate.</summary>
    /// <param name="pageSize">Items per request; the server default when null.</param>
    /// <param name="sort">Sort criteria such as <c>created_at,desc</c>.</param>
    /// <exception cref="HubApiException">While enumerating: the Hub answered a page with an error status (the subclass names it).</exception>
    /// <exception cref="HubTimeoutException">While enumerating: a page got no response within the client's <c>Timeout</c>.</exception>
    /// <exception cref="HubTransportException">While enumerating: the connection failed or broke.</exception>
    /// <exception cref="OperationCanceledException">While enumerating: the enumeration's token was cancelled.</exception>
    AsyncPageable<Workload> GetWorkloadsAsync(int? pageSize = null, IEnumerable<string>? sort = null);

    /// <summary>Opens a session that closes itself when disposed (<c>await using</c>).</summary>
    /// <param name="request">Backend, mode, provider and ttl.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="HubResponseFormatException">The Hub answered 2xx with a body that is not what the operation defines.</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="HubTimeoutException">A request got no response within the client's <c>Timeout</c> (after retries, for idempotent requests).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<HubSession> OpenSessionAsync(CreateSessionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Waits until the session is <c>CLOSED</c> or <c>ABORTED</c> (for example after its ttl) and returns its record.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="options">Polling policy.</param>
    /// <param name="progress">Receives status changes.</param>
    /// <param name="cancellationToken">Stops waiting (not the session).</param>
    /// <exception cref="HubTimeoutException">The wait's <see cref="WaitOptions.Timeout"/> passed (<see cref="HubTimeoutException.LastStatus"/> says where it was), or a request got no response in time.</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<Session> WaitForSessionAsync(string sessionId, WaitOptions? options = null, IProgress<SessionStatus>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>The session's status now and at every change, ending after <c>CLOSED</c> or <c>ABORTED</c>.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="options">Polling policy.</param>
    /// <param name="cancellationToken">Stops watching (not the session).</param>
    /// <exception cref="HubTimeoutException">The wait's <see cref="WaitOptions.Timeout"/> passed (<see cref="HubTimeoutException.LastStatus"/> says where it was), or a request got no response in time.</exception>
    /// <exception cref="HubApiException">The Hub answered with an error status; the subclass names it (<see cref="NotFoundException"/>, <see cref="UnauthorizedException"/>, <see cref="ForbiddenException"/>, <see cref="UnprocessableEntityException"/>, ...).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    IAsyncEnumerable<SessionStatus> WatchSessionAsync(string sessionId, WaitOptions? options = null, CancellationToken cancellationToken = default);
}
