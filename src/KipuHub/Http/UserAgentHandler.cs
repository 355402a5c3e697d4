using KipuHub.Http.Internal;

namespace KipuHub.Http;

/// <summary>Sends a <c>User-Agent</c> naming the SDK, its version, the .NET runtime and the OS, unless the request has one.</summary>
internal sealed class UserAgentHandler : DelegatingHandler
{
    private readonly string _userAgent;

    /// <summary>Creates the handler with <see cref="DefaultUserAgent"/>.</summary>
    public UserAgentHandler()
        : this(DefaultUserAgent)
    {
    }

    /// <summary>Creates the handler with a custom value.</summary>
    /// <param name="userAgent">The header value.</param>
    /// <exception cref="ArgumentException"><paramref name="userAgent"/> is null, empty or white space.</exception>
    public UserAgentHandler(string userAgent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userAgent);
        _userAgent = userAgent;
    }

    /// <summary>Gets the SDK's User-Agent: <c>KipuHub.NET/{version} (.NET {runtime}; {os} {os version})</c>.</summary>
    public static string DefaultUserAgent => SdkUserAgent.Value;

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.Contains("User-Agent"))
        {
            request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
