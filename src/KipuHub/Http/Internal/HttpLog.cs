using Microsoft.Extensions.Logging;

namespace KipuHub.Http.Internal;

/// <summary>
/// The pipeline's log messages. Only method, path (no query), status, duration, attempt and host are logged:
/// never header values, so neither tokens nor organization ids reach a log.
/// </summary>
internal static partial class HttpLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Trace, Message = "Sending {Method} {Path} (attempt {Attempt})")]
    public static partial void Sending(ILogger logger, string method, string path, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Method} {Path} returned {StatusCode} in {ElapsedMilliseconds} ms (attempt {Attempt})")]
    public static partial void Received(ILogger logger, string method, string path, int statusCode, long elapsedMilliseconds, int attempt);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "{Method} {Path} failed after {ElapsedMilliseconds} ms (attempt {Attempt})")]
    public static partial void Failed(ILogger logger, Exception exception, string method, string path, long elapsedMilliseconds, int attempt);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "{Method} {Path} was cancelled by the caller after {ElapsedMilliseconds} ms (attempt {Attempt})")]
    public static partial void Cancelled(ILogger logger, string method, string path, long elapsedMilliseconds, int attempt);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Retrying {Method} {Path} in {DelayMilliseconds} ms (attempt {NextAttempt} of {MaxAttempts}) after {Reason}")]
    public static partial void Retrying(ILogger logger, string method, string path, long delayMilliseconds, int nextAttempt, int maxAttempts, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Not retrying {Method} {Path}: the server asked to wait {RetryAfterMilliseconds} ms, more than the {MaxDelayMilliseconds} ms limit")]
    public static partial void RetryAfterTooLong(ILogger logger, string method, string path, long retryAfterMilliseconds, long maxDelayMilliseconds);

    [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "Following {StatusCode} redirect of {Method} {Path} to {Host}{TargetPath}; credentials kept: {CredentialsKept}")]
    public static partial void Redirecting(ILogger logger, int statusCode, string method, string path, string host, string targetPath, bool credentialsKept);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Not following the {StatusCode} redirect of {Method} {Path}: {Reason}")]
    public static partial void RedirectRefused(ILogger logger, int statusCode, string method, string path, string reason);
}
