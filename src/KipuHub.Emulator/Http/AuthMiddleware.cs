namespace KipuHub.Emulator.Http;

/// <summary>
/// Authenticates like the Hub: the Quantum and Platform APIs want <c>X-Auth-Token</c> (plus an optional
/// <c>X-OrganizationId</c> the user must belong to), the Service gateway wants <c>Authorization: Bearer</c>.
/// Messages never contain a token.
/// </summary>
internal static class AuthMiddleware
{
    public const string QuantumPrefix = "/quantum";
    public const string PlatformPrefix = "/qc-catalog";
    public const string GatewayPrefix = "/gateway";

    public static Task InvokeAsync(HttpContext context, RequestDelegate next, HubRuntime hub)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(QuantumPrefix, StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments(PlatformPrefix, StringComparison.OrdinalIgnoreCase))
        {
            AuthenticateQuantum(context, hub).AttachTo(context);
        }
        else if (path.StartsWithSegments(GatewayPrefix, StringComparison.OrdinalIgnoreCase))
        {
            AuthenticateGateway(context, hub);
        }

        return next(context);
    }

    private static CallerContext AuthenticateQuantum(HttpContext context, HubRuntime hub)
    {
        var token = NewtonsoftJson.Header(context, "X-Auth-Token")
            ?? throw new HttpProblemException(StatusCodes.Status401Unauthorized,
                "The X-Auth-Token header is missing. Send your personal access token (or service execution token) in X-Auth-Token.");
        if (!hub.UsersByToken.TryGetValue(token, out var user))
        {
            throw new HttpProblemException(StatusCodes.Status401Unauthorized,
                "The X-Auth-Token is not valid for this Hub. Check the token you configured (it is not shown here) or create a new one.");
        }

        var organization = NewtonsoftJson.Header(context, "X-OrganizationId");
        if (organization is not null)
        {
            var exists = hub.OrganizationIds.Contains(organization, StringComparer.Ordinal);
            var member = user.OrganizationIds is null || user.OrganizationIds.Contains(organization, StringComparer.Ordinal);
            if (!exists || !member)
            {
                throw new HttpProblemException(StatusCodes.Status403Forbidden,
                    $"User '{user.UserId}' may not act in organization '{organization}' (X-OrganizationId): it does not exist or the user is not a member. Omit the header for the personal context.");
            }
        }

        return new CallerContext(user.UserId, organization);
    }

    private static void AuthenticateGateway(HttpContext context, HubRuntime hub)
    {
        var header = NewtonsoftJson.Header(context, "Authorization");
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            throw new HttpProblemException(StatusCodes.Status401Unauthorized,
                "The Authorization header is missing or not a bearer token. Send 'Authorization: Bearer <token>' with a token for this service.");
        }

        var token = header["Bearer ".Length..].Trim();
        if (!hub.ServiceTokens.Contains(token, StringComparer.Ordinal))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            throw new HttpProblemException(StatusCodes.Status401Unauthorized,
                "The bearer token is not valid for this gateway (it may have expired). Fetch a new token and retry.");
        }
    }
}
