using System.Net;
using KipuHub.Http.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KipuHub.Http;

/// <summary>
/// Follows redirects (301, 302, 303, 307, 308) itself, so that credentials never travel to another host: a hop to a
/// host other than the configured one is sent without <c>Authorization</c>, <c>X-Auth-Token</c>,
/// <c>X-OrganizationId</c>, <c>Cookie</c> or <c>Proxy-Authorization</c>.
/// </summary>
/// <remarks>
/// <para>
/// The transport below must not follow redirects by itself (<c>AllowAutoRedirect = false</c>); the clients check
/// that for injected handlers. The auth handlers sit below this one and add the token only for the configured host,
/// so each hop is authenticated afresh.
/// </para>
/// <para>
/// 303, and 301/302 after a POST, continue as a GET without a body (as browsers and .NET do); 307 and 308 keep the
/// method and body. A redirect from HTTPS to HTTP, or past <see cref="MaxRedirects"/> hops, is not followed: the 3xx
/// response is returned.
/// </para>
/// </remarks>
internal sealed class RedirectHandler : InspectingHandler
{
    private static readonly string[] SensitiveHeaders =
        ["Authorization", ApiKeyAuthHandler.HeaderName, OrganizationHandler.HeaderName, "Cookie", "Proxy-Authorization"];

    private readonly Uri _baseUrl;
    private readonly ILogger _logger;

    /// <summary>Creates the handler.</summary>
    /// <param name="baseUrl">The configured base URL; hops to its scheme, host and port keep their credentials.</param>
    /// <param name="maxRedirects">The most hops to follow.</param>
    /// <param name="loggerFactory">Logs each hop (host and path only); <see langword="null"/> for no logging.</param>
    /// <exception cref="ArgumentException"><paramref name="baseUrl"/> is not an absolute http(s) URL.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRedirects"/> is negative.</exception>
    public RedirectHandler(Uri baseUrl, int maxRedirects = 10, ILoggerFactory? loggerFactory = null)
    {
        _baseUrl = KipuHub.Internal.BaseUrls.RequireAbsolute(baseUrl, nameof(baseUrl));
        ArgumentOutOfRangeException.ThrowIfNegative(maxRedirects);
        MaxRedirects = maxRedirects;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<RedirectHandler>();
    }

    /// <summary>Gets the most hops followed for one request.</summary>
    public int MaxRedirects { get; }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A response that is already there and is no redirect (the in-memory case) is returned without an async step;
        // everything else goes through the hop loop, which starts from this first send.
        var first = StartInnerSend(request, cancellationToken);
        return first.IsCompletedSuccessfully && !IsRedirect(first.Result.StatusCode)
            ? first
            : FollowAsync(request, first, cancellationToken);
    }

    private async Task<HttpResponseMessage> FollowAsync(HttpRequestMessage request, Task<HttpResponseMessage> first, CancellationToken cancellationToken)
    {
        var current = request;
        for (var hop = 0; ; hop++)
        {
            var response = await (hop == 0 ? first : base.SendAsync(current, cancellationToken)).ConfigureAwait(false);
            if (NextTarget(current, response, hop) is not { } target)
            {
                return response;
            }

            var next = CreateHop(current, target, response.StatusCode);
            HttpLog.Redirecting(_logger, (int)response.StatusCode, current.Method.Method, RequestProperties.GetPath(current), target.Authority, target.AbsolutePath, TrustedAuthority.Matches(_baseUrl, target));
            response.Dispose();
            current = next;
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private Uri? NextTarget(HttpRequestMessage request, HttpResponseMessage response, int hop)
    {
        if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location || request.RequestUri is not { } from)
        {
            return null;
        }

        var target = location.IsAbsoluteUri ? location : new Uri(from, location);
        var refusal = hop >= MaxRedirects ? $"more than {MaxRedirects} redirects"
            : from.Scheme == Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttps ? "it leaves HTTPS"
            : target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp ? "it is not an http(s) URL"
            : null;
        if (refusal is null)
        {
            return target;
        }

        HttpLog.RedirectRefused(_logger, (int)response.StatusCode, request.Method.Method, RequestProperties.GetPath(request), refusal);
        return null;
    }

    private HttpRequestMessage CreateHop(HttpRequestMessage current, Uri target, HttpStatusCode status)
    {
        var becomesGet = status == HttpStatusCode.SeeOther
            || (status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found && current.Method == HttpMethod.Post);
        var next = new HttpRequestMessage(becomesGet ? HttpMethod.Get : current.Method, target)
        {
            Content = becomesGet ? null : current.Content,
            Version = current.Version,
            VersionPolicy = current.VersionPolicy,
        };
        var sameHost = TrustedAuthority.Matches(_baseUrl, target);
        foreach (var header in current.Headers)
        {
            if (sameHost || !SensitiveHeaders.Contains(header.Key, StringComparer.OrdinalIgnoreCase))
            {
                next.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        foreach (var option in current.Options)
        {
            ((IDictionary<string, object?>)next.Options)[option.Key] = option.Value;
        }

        return next;
    }
}
