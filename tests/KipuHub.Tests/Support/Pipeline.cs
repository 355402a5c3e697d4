namespace KipuHub.Tests.Support;

/// <summary>Runs one DelegatingHandler (or a chain) over a stub, as HttpClient would, without HttpClient.</summary>
public static class Pipeline
{
    public static HttpMessageInvoker Over(HttpMessageHandler transport, params DelegatingHandler[] handlers)
    {
        HttpMessageHandler top = transport;
        foreach (var handler in handlers.Reverse())
        {
            handler.InnerHandler = top;
            top = handler;
        }

        return new HttpMessageInvoker(top, disposeHandler: false);
    }

    public static Task<HttpResponseMessage> SendAsync(this HttpMessageInvoker invoker, HttpMethod method, string uri, CancellationToken cancellationToken = default) =>
        invoker.SendAsync(new HttpRequestMessage(method, uri), cancellationToken);
}
