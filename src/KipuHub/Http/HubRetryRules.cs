using System.Net;
using KipuHub.Diagnostics;
using KipuHub.Http.Internal;
using KipuHub.Internal;
using Microsoft.Extensions.Logging;

namespace KipuHub.Http;

/// <summary>
/// The SDK's one answer to "may this request be sent again, and is this failure worth another try?", used by the
/// standalone clients' retries, by the resilience pipeline of <c>AddKipuHub</c> and by every status poll. Use it in
/// a retry policy of your own so it agrees with the SDK.
/// </summary>
/// <remarks>
/// <para>
/// Only requests that cannot do the work twice are retried: GET, HEAD, PUT, DELETE, OPTIONS and TRACE whose body, if
/// any, is buffered. <c>POST /jobs</c> and every other POST or PATCH never are: a lost response may mean the job was
/// created, and a retry would create a second one.
/// </para>
/// <para>
/// Transient: 408, 429, 500, 502, 503 and 504, connection failures and attempt timeouts. Not transient: TLS and
/// authentication failures, configuration limits, and anything after the caller cancelled.
/// </para>
/// </remarks>
public static class HubRetryRules
{
    private static readonly HashSet<HttpMethod> IdempotentMethods =
        [HttpMethod.Get, HttpMethod.Head, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Options, HttpMethod.Trace];

    /// <summary>Returns whether a request may be sent again without risk of doing the work twice.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> for idempotent methods whose body (if any) is buffered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public static bool IsRetryable(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return IdempotentMethods.Contains(request.Method) && request.Content is null or ByteArrayContent;
    }

    /// <summary>Returns whether a response status says "try again later" rather than "this request is wrong".</summary>
    /// <param name="statusCode">The status.</param>
    /// <returns><see langword="true"/> for 408, 429, 500, 502, 503 and 504.</returns>
    public static bool IsTransient(HttpStatusCode statusCode) =>
        statusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>Returns whether an exception from sending a request is a transient transport failure.</summary>
    /// <param name="exception">What sending threw.</param>
    /// <returns>
    /// <see langword="true"/> for connection failures, attempt timeouts (<see cref="HubTimeoutException"/>,
    /// <see cref="TimeoutException"/>) and transient <see cref="HubApiException"/>s; <see langword="false"/> for TLS and
    /// authentication failures and everything else.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is null.</exception>
    public static bool IsTransient(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            HubApiException api => IsTransient((HttpStatusCode)api.StatusCode),
            HubTimeoutException or TimeoutException => true,
            HubTransportException transport => transport.InnerException is not HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError or HttpRequestError.UserAuthenticationError or HttpRequestError.ConfigurationLimitExceeded },
            IOException => true,
            TaskCanceledException { InnerException: TimeoutException } => true,
            HttpRequestException http => http.HttpRequestError is not (HttpRequestError.SecureConnectionError or HttpRequestError.UserAuthenticationError or HttpRequestError.ConfigurationLimitExceeded),
            _ => false,
        };
    }

    /// <summary>Returns the delay a response's <c>Retry-After</c> asks for (seconds or an HTTP date), or <see langword="null"/>.</summary>
    /// <param name="response">The response.</param>
    /// <param name="now">The current time, for the date form.</param>
    /// <returns>The delay, never negative; <see langword="null"/> when there is no readable header.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is null.</exception>
    public static TimeSpan? GetRetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        return RetryAfterHeader.Parse(response, now);
    }

    /// <summary>
    /// Records that a retry stage is about to send <paramref name="request"/> again: numbers the next attempt (which the
    /// SDK's per-attempt logging and timeout messages report), logs it (event 5, "Retrying GET /path in 500 ms (attempt 2
    /// of 3) after 503"), counts it in <c>kipuhub.http.retries</c> and adds a <c>kipuhub.retry</c> event to the current span.
    /// </summary>
    /// <param name="request">The request about to be retried.</param>
    /// <param name="nextAttempt">The attempt about to start, from 2.</param>
    /// <param name="maxAttempts">Attempts in all (retries + 1).</param>
    /// <param name="delay">The pause before it.</param>
    /// <param name="reason">What failed: a status code or an exception type name (never a message, which could quote a secret).</param>
    /// <param name="logger">Where to log; <see langword="null"/> for nowhere.</param>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or <paramref name="reason"/> is null.</exception>
    public static void ReportRetry(HttpRequestMessage request, int nextAttempt, int maxAttempts, TimeSpan delay, string reason, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reason);
        request.Options.Set(RequestProperties.Attempt, nextAttempt);
        var path = RequestProperties.GetPath(request);
        if (logger is not null)
        {
            HttpLog.Retrying(logger, request.Method.Method, path, (long)delay.TotalMilliseconds, nextAttempt, maxAttempts, reason);
        }

        HubDiagnostics.RecordRetry(request.Method.Method, PathTemplate.From(path), nextAttempt, delay, reason);
    }
}
