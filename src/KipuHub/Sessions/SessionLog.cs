using Microsoft.Extensions.Logging;

namespace KipuHub.Sessions;

/// <summary>Log messages of <see cref="HubSession"/> (session ids and times only).</summary>
internal static partial class SessionLog
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Session {SessionId} expires at {ExpiresAt:O} ({SecondsLeft} s left); open a new session for work that will not finish in time")]
    public static partial void ExpiringSoon(ILogger logger, string sessionId, DateTimeOffset expiresAt, long secondsLeft);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Session {SessionId}: an ExpiringSoon handler threw {ExceptionType}; the exception was caught so the session and its jobs go on")]
    public static partial void ExpiringSoonHandlerFailed(ILogger logger, string sessionId, string exceptionType);
}
