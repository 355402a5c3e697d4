using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace KipuHub.Internal;

/// <summary>Builds exception messages: what happened, the server's own words, what to do, the request id.</summary>
internal static partial class HubErrorMessages
{
    /// <summary>The message of an error status: "Quantum API call Jobs.GetJobAsync failed with 404 (Not Found): ...".</summary>
    /// <param name="api">The API called.</param>
    /// <param name="operation">The facade operation (<c>Jobs.GetJobAsync</c>) or request (<c>SendAsync GET</c>).</param>
    /// <param name="status">The status.</param>
    /// <param name="errorMessage">The server's own text, or <see langword="null"/>.</param>
    /// <param name="requestId">The request id header, or <see langword="null"/>.</param>
    /// <param name="hubErrorBody">Whether the body is a JSON error object, as the Hub sends; a 404 without one probably never reached the Hub API.</param>
    public static string ForStatus(HubApiKind api, string operation, int status, string? errorMessage, string? requestId, bool hubErrorBody = true)
    {
        var text = new StringBuilder()
            .Append(Describe(api)).Append(" call ").Append(operation)
            .Append(" failed with ").Append(status).Append(ReasonSuffix(status));
        AppendServerText(text, errorMessage);
        text.Append(' ').Append(Advice(api, operation, status, hubErrorBody));
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

    private static string Advice(HubApiKind api, string operation, int status, bool hubErrorBody) => status switch
    {
        400 => "Check the arguments; ErrorMessage and Body carry the server's detail.",
        401 => Unauthorized(api),
        403 => Forbidden(api),
        404 when api != HubApiKind.TokenEndpoint && OperationKinds.Collections.Contains(operation) =>
            $"{operation} addresses a collection, which exists whatever the ids, so the base URL is probably wrong. {CheckBaseUrl(api)}",
        404 when api != HubApiKind.TokenEndpoint && !hubErrorBody =>
            $"The answer is not a Kipu Hub error (no JSON error body), so the request probably never reached the {Describe(api)}. {CheckBaseUrl(api)} If the base URL is right, check the id{(api == HubApiKind.Service ? string.Empty : "; resources of another organization are not visible, so also check the OrganizationId option")}.",
        404 => NotFound(api),
        408 or 502 or 503 or 504 => "The Hub or a gateway in front of it is temporarily unavailable; retry later.",
        409 => "Reload the resource and retry the change.",
        422 when OperationKinds.IsJobResult(operation) =>
            "The job has no result yet: a result exists once the job is COMPLETED. Wait for it first (WaitForCompletionAsync, or RunJobAsync to submit, wait and read in one call), then read it; a FAILED or CANCELLED job has no result.",
        422 => "The request body failed validation; ErrorMessage and Body say which field.",
        501 => $"This Hub (or emulator) does not implement {operation}; retrying will not help. Use a Hub that offers it (the emulator answers 501 for the Platform operations it does not implement), or check the base URL.",
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

    private static string CheckBaseUrl(HubApiKind api) => api switch
    {
        HubApiKind.Service => "Check the base URL: the full gateway URL of the service (context, service and version), as shown on the service's page in the Hub.",
        HubApiKind.Platform => "Check the base URL and environment (PlatformBaseUrl, Environment; KipuHub:PlatformBaseUrl with AddKipuHub): the Platform API lives under /qc-catalog/, and a local emulator prints its URLs when it starts.",
        _ => "Check the base URL and environment (BaseUrl, Environment; KipuHub:BaseUrl with AddKipuHub): the Quantum API lives under /quantum/, and a local emulator prints its URLs when it starts.",
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
