using Microsoft.Extensions.Logging;

namespace KipuHub.Credentials.Internal;

/// <summary>Log messages of the credential helpers: sources by name, never token values.</summary>
internal static partial class CredentialLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "Using the Kipu Quantum Hub token from {Source}")]
    public static partial void UsingSource(ILogger logger, string source);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "Fetched a gateway token from {TokenEndpoint}; it expires in {ExpiresInSeconds} s")]
    public static partial void TokenFetched(ILogger logger, string tokenEndpoint, long expiresInSeconds);
}
