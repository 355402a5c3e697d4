using KipuHub.Diagnostics;
using KipuHub.Http.Internal;
using KipuHub.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KipuHub.Http;

/// <summary>
/// Retries idempotent requests (GET, HEAD, PUT, DELETE, OPTIONS, TRACE) after transient failures: statuses 408, 429,
/// 500, 502, 503 and 504, connection failures, and per-attempt timeouts.
/// </summary>
/// <remarks>
/// <para>
/// POST and PATCH are never retried: a lost response to <c>POST /jobs</c> may mean the job was created, and a retry
/// would create a second one. Requests whose body cannot be sent twice (a stream) are not retried either.
/// </para>
/// <para>
/// Delays grow exponentially from <see cref="InitialDelay"/> with ±20 % jitter, capped at <see cref="MaxDelay"/>.
/// A <c>Retry-After</c> header (seconds or an HTTP date) replaces the computed delay; when it asks for longer than
/// <see cref="MaxDelay"/>, the response is returned instead, so the caller sees it (<see cref="HubApiException.RetryAfter"/>).
/// Delays run on the injected <see cref="TimeProvider"/>.
/// </para>
/// </remarks>
internal sealed class RetryHandler : InspectingHandler
{
    /// <summary>The default number of retries (<see cref="HubClientOptions.DefaultMaxRetries"/>).</summary>
    public const int DefaultMaxRetries = HubClientOptions.DefaultMaxRetries;

    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the handler.</summary>
    /// <param name="maxRetries">Retries after the first attempt; 0 disables retrying.</param>
    /// <param name="timeProvider">The clock for delays; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <param name="loggerFactory">Logs each retry; <see langword="null"/> for no logging.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRetries"/> is negative.</exception>
    public RetryHandler(int maxRetries = DefaultMaxRetries, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        MaxRetries = maxRetries;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<RetryHandler>();
    }

    /// <summary>Gets the number of retries after the first attempt.</summary>
    public int MaxRetries { get; }

    /// <summary>Gets the delay before the first retry, before jitter.</summary>
    /// <value>Defaults to 0.5 seconds.</value>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets the longest delay between attempts, computed or asked for by <c>Retry-After</c>.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the jitter source, a value in [0, 1); replaceable so tests can pin it.</summary>
    internal Func<double> NextRandom { get; init; } = Random.Shared.NextDouble;

    /// <summary>Returns whether a request may be sent again (<see cref="HubRetryRules.IsRetryable"/>).</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> for idempotent methods whose body (if any) is buffered.</returns>
    public static bool IsRetryable(HttpRequestMessage request) => HubRetryRules.IsRetryable(request);

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A request that can never be retried (POST, PATCH, a streamed body, or MaxRetries 0) is sent once as it is:
        // no retry loop, no async state machine.
        // A request's own HubRequestOptions.MaxRetries replaces the client's; it never makes a POST retryable.
        var maxRetries = RequestProperties.GetOverrides(request)?.MaxRetries ?? MaxRetries;
        if (maxRetries == 0 || !IsRetryable(request))
        {
            return base.SendAsync(request, cancellationToken);
        }

        // The first attempt is started here; when it has already answered with a status that is not retried (the
        // in-memory and cached case), its task is the result and the retry loop, with its async state machine, is
        // never entered. Anything else (still running, failed, a transient status) continues in the loop, which
        // treats it exactly as an attempt it made itself.
        var first = StartInnerSend(request, cancellationToken);
        return first.IsCompletedSuccessfully && !HubRetryRules.IsTransient(first.Result.StatusCode)
            ? first
            : SendWithRetriesAsync(request, first, maxRetries, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(HttpRequestMessage request, Task<HttpResponseMessage> firstAttempt, int maxRetries, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            // Attempt 1 is what RequestProperties.GetAttempt reports when the option is absent; ReportRetry numbers the
            // others, which spares every first attempt the request's options dictionary.
            var mayRetry = attempt <= maxRetries;
            HttpResponseMessage response;
            try
            {
                response = await (attempt == 1 ? firstAttempt : base.SendAsync(request, cancellationToken)).ConfigureAwait(false);
            }
            catch (Exception ex) when (mayRetry && !cancellationToken.IsCancellationRequested && HubRetryRules.IsTransient(ex))
            {
                await WaitAsync(request, attempt, maxRetries, Backoff(attempt), ex.GetType().Name, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!mayRetry || !HubRetryRules.IsTransient(response.StatusCode))
            {
                return response;
            }

            var delay = RetryAfterHeader.Parse(response, _time.GetUtcNow()) ?? Backoff(attempt);
            if (delay > MaxDelay)
            {
                HttpLog.RetryAfterTooLong(_logger, request.Method.Method, RequestProperties.GetPath(request), (long)delay.TotalMilliseconds, (long)MaxDelay.TotalMilliseconds);
                return response;
            }

            var reason = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Dispose();
            await WaitAsync(request, attempt, maxRetries, delay, reason, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = InitialDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var jittered = exponential * (0.8 + (0.4 * NextRandom()));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, MaxDelay.TotalMilliseconds));
    }

    private Task WaitAsync(HttpRequestMessage request, int attempt, int maxRetries, TimeSpan delay, string reason, CancellationToken cancellationToken)
    {
        HubRetryRules.ReportRetry(request, attempt + 1, maxRetries + 1, delay, reason, _logger);
        return Task.Delay(delay, _time, cancellationToken);
    }
}
