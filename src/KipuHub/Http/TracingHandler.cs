using System.Diagnostics;
using System.Globalization;
using KipuHub.Diagnostics;
using KipuHub.Http.Internal;

namespace KipuHub.Http;

/// <summary>
/// Traces and measures each logical HTTP call, retries included: one span of <see cref="HubDiagnostics.ActivitySource"/>
/// and one measurement of <c>kipuhub.http.client.request.duration</c>.
/// </summary>
/// <remarks>
/// The span is named <c>"KipuHub {METHOD} {url.template}"</c>, where the template replaces ids by <c>{id}</c>
/// (<c>/quantum/jobs/{id}/result</c>); it carries <c>http.request.method</c>, <c>url.template</c>,
/// <c>server.address</c>, <c>server.port</c>, <c>http.response.status_code</c> and, on failure, <c>error.type</c>.
/// It never carries headers, the query string or a token. Place it outside the retry layer so retries become
/// events (<c>kipuhub.retry</c>) of one span.
/// </remarks>
internal sealed class TracingHandler : DelegatingHandler
{
    private readonly TimeProvider _time;

    /// <summary>Creates the handler.</summary>
    /// <param name="timeProvider">The clock for durations; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    public TracingHandler(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Nobody listening (the common case without OpenTelemetry): no template, no span name, no async step.
        if (!HubDiagnostics.ActivitySource.HasListeners() && !HubDiagnostics.RequestDuration.Enabled)
        {
            return base.SendAsync(request, cancellationToken);
        }

        return TraceAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> TraceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        var template = PathTemplate.From(RequestProperties.GetPath(request));
        using var activity = HubDiagnostics.StartActivity($"{HubDiagnostics.Name} {method} {template}");
        Describe(activity, request, method, template);
        var started = _time.GetTimestamp();
        string? error = null;
        int? status = null;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            error = status >= 400 ? status.Value.ToString(CultureInfo.InvariantCulture) : null;
            return response;
        }
        catch (Exception ex)
        {
            error = ex.GetType().FullName;
            throw;
        }
        finally
        {
            Complete(activity, method, template, status, error, _time.GetElapsedTime(started));
        }
    }

    private static void Describe(Activity? activity, HttpRequestMessage request, string method, string template)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("http.request.method", method);
        activity.SetTag("url.template", template);
        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            activity.SetTag("server.address", uri.Host);
            activity.SetTag("server.port", uri.Port);
        }
    }

    private static void Complete(Activity? activity, string method, string template, int? status, string? error, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "http.request.method", method },
            { "url.template", template },
        };
        if (status is { } code)
        {
            tags.Add("http.response.status_code", code);
            activity?.SetTag("http.response.status_code", code);
        }

        if (error is not null)
        {
            tags.Add("error.type", error);
            activity?.SetTag("error.type", error);
            activity?.SetStatus(ActivityStatusCode.Error);
        }

        HubDiagnostics.RequestDuration.Record(elapsed.TotalSeconds, tags);
    }
}
