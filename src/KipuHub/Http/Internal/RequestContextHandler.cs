namespace KipuHub.Http.Internal;

/// <summary>
/// The first per-call handler: gives a request the <see cref="HubRequestOptions"/> in force (those passed to
/// <c>SendAsync(request, options)</c>, else the open <see cref="HubRequestContext"/> scope), so every later handler
/// and the resilience pipeline read them from the request itself (<see cref="RequestProperties.Overrides"/>), and adds
/// their headers.
/// </summary>
/// <remarks>
/// Per call, before <see cref="HeadersHandler"/>: a per-request header wins over the client's header of the same
/// name; a header the request itself carries (set by the generated client, or by the caller of <c>SendAsync</c>) is
/// kept. The organization, timeout and retry count are applied by <see cref="OrganizationHandler"/>,
/// <see cref="TimeoutHandler"/> and <see cref="RetryHandler"/> (or the resilience pipeline of <c>AddKipuHub</c>).
/// </remarks>
internal sealed class RequestContextHandler : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var overrides = RequestProperties.GetOverrides(request);
        if (overrides is null && HubRequestContext.CurrentOverrides is { } scoped)
        {
            overrides = scoped;
            request.Options.Set(RequestProperties.Overrides, scoped);
        }

        if (overrides is not null)
        {
            AddHeaders(request, overrides);
        }

        return base.SendAsync(request, cancellationToken);
    }

    private static void AddHeaders(HttpRequestMessage request, RequestOverrides overrides)
    {
        foreach (var (name, value) in overrides.Headers)
        {
            // NonValidated: Contains() on the typed view throws for a content header name.
            if (request.Headers.NonValidated.Contains(name) || request.Content?.Headers.NonValidated.Contains(name) == true)
            {
                continue;
            }

            // Content headers (Content-Language, ...) cannot go in request.Headers; put them on the content.
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }
    }
}
