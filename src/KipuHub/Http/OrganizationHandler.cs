using KipuHub.Http.Internal;

namespace KipuHub.Http;

/// <summary>
/// Scopes every request to an organization with the <c>X-OrganizationId</c> header, as the <c>organization_id</c>
/// option of the official SDKs does.
/// </summary>
/// <remarks>
/// A request's own <see cref="HubRequestOptions.OrganizationId"/> (checked when it was applied) replaces the client's
/// and any header already on the request; otherwise a request that already carries the header keeps its own value.
/// Requests to other hosts never get it.
/// </remarks>
internal sealed class OrganizationHandler : DelegatingHandler
{
    /// <summary>The header name, <c>X-OrganizationId</c>.</summary>
    public const string HeaderName = "X-OrganizationId";

    private readonly string? _organizationId;
    private readonly TrustedAuthority _authority;

    /// <summary>Creates the handler.</summary>
    /// <param name="organizationId">The client's organization id, or <see langword="null"/> (then only requests with their own get the header).</param>
    /// <param name="baseUrl">The API's base URL; only its scheme, host and port receive the header.</param>
    /// <exception cref="ArgumentException"><paramref name="organizationId"/> is empty or white space, or <paramref name="baseUrl"/> is not an absolute http(s) URL.</exception>
    public OrganizationHandler(string? organizationId, Uri baseUrl)
    {
        if (organizationId is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(organizationId);
        }

        _organizationId = organizationId?.Trim();
        _authority = new TrustedAuthority(KipuHub.Internal.BaseUrls.RequireAbsolute(baseUrl, nameof(baseUrl)));
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_authority.Matches(request.RequestUri))
        {
            return base.SendAsync(request, cancellationToken);
        }

        if (RequestProperties.GetOverrides(request)?.OrganizationId is { } own)
        {
            request.Headers.Remove(HeaderName);
            request.Headers.TryAddWithoutValidation(HeaderName, own);
        }
        else if (_organizationId is not null && !request.Headers.Contains(HeaderName))
        {
            request.Headers.TryAddWithoutValidation(HeaderName, _organizationId);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
