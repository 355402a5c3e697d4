using KipuHub.Http.Internal;

namespace KipuHub.Http;

/// <summary>
/// Scopes every request to an organization with the <c>X-OrganizationId</c> header, as the <c>organization_id</c>
/// option of the official SDKs does.
/// </summary>
/// <remarks>A request that already carries the header keeps its own value; requests to other hosts do not get it.</remarks>
internal sealed class OrganizationHandler : DelegatingHandler
{
    /// <summary>The header name, <c>X-OrganizationId</c>.</summary>
    public const string HeaderName = "X-OrganizationId";

    private readonly string _organizationId;
    private readonly TrustedAuthority _authority;

    /// <summary>Creates the handler.</summary>
    /// <param name="organizationId">The organization id.</param>
    /// <param name="baseUrl">The API's base URL; only its scheme, host and port receive the header.</param>
    /// <exception cref="ArgumentException"><paramref name="organizationId"/> is null, empty or white space, or <paramref name="baseUrl"/> is not an absolute http(s) URL.</exception>
    public OrganizationHandler(string organizationId, Uri baseUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationId);
        _organizationId = organizationId.Trim();
        _authority = new TrustedAuthority(KipuHub.Internal.BaseUrls.RequireAbsolute(baseUrl, nameof(baseUrl)));
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_authority.Matches(request.RequestUri) && !request.Headers.Contains(HeaderName))
        {
            request.Headers.TryAddWithoutValidation(HeaderName, _organizationId);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
