using System.Net;
using System.Net.Http.Headers;

namespace KipuHub.Benchmarks.Overhead;

/// <summary>
/// An in-memory "server": answers the four benchmarked operations with canned bodies, without sockets. All three
/// clients (facade, raw, hand-written) send through the same instance, so its cost is the same for each and the
/// differences are what the clients add.
/// </summary>
public sealed class CannedHandler(CannedResponses canned) : HttpMessageHandler
{
    /// <summary>When set, the header names of the next request are recorded (to check the clients send the same ones).</summary>
    public List<string>? RecordedHeaderNames { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            // A real transport writes the body to the wire; make every client pay for that the same way.
            await content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        RecordedHeaderNames?.AddRange(request.Headers.Select(h => h.Key));

        // OriginalString, not AbsolutePath: no allocation of our own in the measured path.
        var uri = request.RequestUri!.OriginalString;
        var (status, body) = request.Method == HttpMethod.Post ? (HttpStatusCode.Created, canned.CreatedJob)
            : uri.EndsWith("/status", StringComparison.Ordinal) ? (HttpStatusCode.OK, canned.JobStatus)
            : uri.EndsWith("/backends", StringComparison.Ordinal) ? (HttpStatusCode.OK, canned.Backends)
            : (HttpStatusCode.OK, canned.Job);
        var response = new HttpResponseMessage(status) { RequestMessage = request, Content = new ByteArrayContent(body) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return response;
    }
}
