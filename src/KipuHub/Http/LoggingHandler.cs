using KipuHub.Http.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KipuHub.Http;

/// <summary>
/// Logs each attempt: method, path, status, duration and attempt number (Debug), and failures (Debug).
/// </summary>
/// <remarks>
/// Header values are never logged, nor the query string, so tokens and organization ids stay out of logs.
/// Event ids are stable: 1 sending (Trace), 2 response, 3 failure, 4 cancelled, 5 retry, 6 Retry-After too long,
/// 7 redirect followed, 8 redirect refused; 101 credential source, 102 gateway token fetched.
/// </remarks>
internal sealed class LoggingHandler : DelegatingHandler
{
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the handler.</summary>
    /// <param name="loggerFactory">Where to log; <see langword="null"/> for nowhere.</param>
    /// <param name="timeProvider">The clock for durations; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    public LoggingHandler(ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<LoggingHandler>();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Every message here is Trace or Debug. When neither is on (the default), pass the request straight through:
        // no path string, no timestamps, no async state machine on every call.
        if (!_logger.IsEnabled(LogLevel.Debug) && !_logger.IsEnabled(LogLevel.Trace))
        {
            return base.SendAsync(request, cancellationToken);
        }

        return SendAndLogAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAndLogAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        var path = RequestProperties.GetPath(request);
        var attempt = RequestProperties.GetAttempt(request);
        HttpLog.Sending(_logger, method, path, attempt);
        var started = _time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            HttpLog.Received(_logger, method, path, (int)response.StatusCode, Elapsed(started), attempt);
            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            HttpLog.Cancelled(_logger, method, path, Elapsed(started), attempt);
            throw;
        }
        catch (Exception ex)
        {
            HttpLog.Failed(_logger, ex, method, path, Elapsed(started), attempt);
            throw;
        }
    }

    private long Elapsed(long started) => (long)_time.GetElapsedTime(started).TotalMilliseconds;
}
