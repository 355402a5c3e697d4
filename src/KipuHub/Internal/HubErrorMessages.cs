using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace KipuHub.Internal;

/// <summary>Builds exception messages: what happened, the server's own words, what to do, the request id.</summary>
internal static partial class HubErrorMessages
{
    /// <summary>The message of an error status: "Quantum API call Jobs.GetJobAsync failed with 404 (Not Found): ...".</summary>
    public static string ForStatus(HubApiKind api, string operation, int status, string? errorMessage, string? requestId)
    {
        var text = new StringBuilder()
            .Append(Describe(api)).Append(" call ").Append(operation)
            .Append(" failed with ").Append(status).Append(ReasonSuffix(status));
        AppendServerText(text, errorMessage);
        text.Append(' ').Append(Advice(api, status));
        return AppendRequestId(text, requestId);
    }

    /// <summary>The message of a success status whose body could not be read.</summary>
    public static string ForUnreadableSuccess(HubApiKind api, string operation, int status, string problem, string? requestId)
    {
        var text = new StringBuilder()
            .Append(Describe(api)).Append(" call ").Append(operation)
            .Append(" got ").Append(status).Append(ReasonSuffix(status))
            .Append(" but the response could not be read: ").Append(problem).Append('.')
            .Append(" This is a server or proxy problem, not a problem with the request: check that the base URL points at the Hub API")
            .Append(" (an HTML page from a proxy is a common cause) and report it, with the request id, if it persists.");
        return AppendRequestId(text, requestId);
    }

    /// <summary>Makes a parser message safe to show: quoted fragments of the input are elided, since they could be secrets.</summary>
    public static string WithoutQuotedInput(string message) => QuotedFragment().Replace(message, "'...'");

    /// <summary>The gist of a JSON reader message: no quoted input, no "Path ..., line ..., position ..." tail (callers report position themselves).</summary>
    public static string Gist(string message) => WithoutQuotedInput(PositionTail().Replace(message, string.Empty)).Trim().TrimEnd('.');

    /// <summary>"Quantum API", "Service API", ...</summary>
    public static string Describe(HubApiKind api) => api switch
    {
        HubApiKind.Quantum => "Quantum API",
        HubApiKind.Service => "Service API",
        HubApiKind.Platform => "Platform API",
        _ => "Token endpoint",
    };

    private static string Advice(HubApiKind api, int status) => status switch
    {
        400 => "Check the arguments; ErrorMessage and Body carry the server's detail.",
        401 => Unauthorized(api),
        403 => Forbidden(api),
        404 => NotFound(api),
        408 or 502 or 503 or 504 => "The Hub or a gateway in front of it is temporarily unavailable; retry later.",
        409 => "Reload the resource and retry the change.",
        422 => "The request body failed validation; ErrorMessage and Body say which field.",
        429 => "Too many requests: wait for RetryAfter, then retry.",
        >= 500 => "The Hub failed; retry later, and quote the request id if it persists.",
        >= 300 and < 400 => "The server redirected the request somewhere the SDK does not follow (another scheme, or too many hops); check the base URL.",
        _ => "See StatusCode, ErrorMessage and Body for the server's detail.",
    };

    private static string Unauthorized(HubApiKind api) => api switch
    {
        HubApiKind.Service =>
            "Check the token: gateway tokens are short-lived, so pass a fresh Token, or a TokenProvider/Credential such as ClientCredentialsTokenProvider that refreshes it.",
        HubApiKind.TokenEndpoint =>
            "Check the access key id and secret given to ClientCredentialsTokenProvider, and its token endpoint.",
        _ =>
            "Check the token passed as ApiKey or Credential (the credential helpers read KQH_PERSONAL_ACCESS_TOKEN or KQH_SERVICE_EXECUTION_TOKEN), or run 'qhubctl login' to refresh the config file.",
    };

    private static string Forbidden(HubApiKind api) => api switch
    {
        HubApiKind.Service => "The token is valid but not allowed to call this service; check that the application is subscribed to it.",
        _ => "The token is valid but lacks permission for this; check its permissions and, for organization resources, the OrganizationId option (X-OrganizationId).",
    };

    private static string NotFound(HubApiKind api) => api switch
    {
        HubApiKind.Service => "Check the id, and that the base URL is the full gateway URL of the service (context, service and version).",
        HubApiKind.TokenEndpoint => "Check the token endpoint URL.",
        _ => "Check the id; resources of another organization are not visible, so also check the OrganizationId option.",
    };

    private static void AppendServerText(StringBuilder text, string? errorMessage)
    {
        if (!string.IsNullOrWhiteSpace(errorMessage))
        {
            text.Append(": \"").Append(errorMessage).Append("\".");
        }
        else
        {
            text.Append('.');
        }
    }

    private static string AppendRequestId(StringBuilder text, string? requestId)
    {
        if (requestId is not null)
        {
            text.Append(" Request id: ").Append(requestId).Append('.');
        }

        return text.ToString();
    }

    // "NotFound" -> " (Not Found)"; unknown codes get no reason phrase.
    private static string ReasonSuffix(int status)
    {
        var name = ((HttpStatusCode)status).ToString();
        return int.TryParse(name, out _) ? string.Empty : $" ({PascalCaseBoundary().Replace(name, " $1")})";
    }

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex PascalCaseBoundary();

    [GeneratedRegex(@"\s*(Path '[^']*'(, line \d+, position \d+)?|line \d+, position \d+)\.?\s*$")]
    private static partial Regex PositionTail();

    [GeneratedRegex("'[^']*'")]
    private static partial Regex QuotedFragment();
}
