using System.Collections.Concurrent;
using System.Net;

namespace KipuHub.Tests.Support;

/// <summary>An HttpMessageHandler answering from a function, recording every request with the headers it had when sent.</summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _respond;

    public StubHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond)
        : this((request, _) => Task.FromResult(respond(request)))
    {
    }

    public StubHandler(HttpStatusCode status = HttpStatusCode.OK, string body = "{}")
        : this(_ => Json(status, body))
    {
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };

    /// <summary>
    /// A handler whose requests never complete until cancelled, to test timeouts and cancellation. Cancellation
    /// completes the request synchronously, so on a FakeTimeProvider everything that follows (retry delays included)
    /// happens inside Advance: no races between the test thread and the pipeline.
    /// </summary>
    public static StubHandler Hanging() => new((_, ct) =>
    {
        var never = new TaskCompletionSource<HttpResponseMessage>();
        ct.Register(() => never.TrySetCanceled(ct));
        return never.Task;
    });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(new RecordedRequest(request));
        return _respond(request, cancellationToken);
    }
}

/// <summary>A snapshot of a request: method, URI and headers at send time.</summary>
public sealed class RecordedRequest
{
    public RecordedRequest(HttpRequestMessage request)
    {
        Method = request.Method;
        Uri = request.RequestUri!;
        // NonValidated: the values as sent, not re-parsed (a User-Agent would otherwise split into product tokens).
        Headers = request.Headers.NonValidated.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Body = request.Content?.ReadAsStringAsync().GetAwaiter().GetResult();
    }

    public HttpMethod Method { get; }

    public Uri Uri { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public string? Body { get; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
