namespace KipuHub.Http.Internal;

/// <summary>
/// Sends through a caller's <see cref="HttpMessageHandler"/> without taking ownership of it: disposing the SDK's
/// pipeline must not dispose a handler the caller may share with other clients.
/// </summary>
internal sealed class HandlerTransport : HttpMessageHandler
{
    private readonly HttpMessageInvoker _invoker;

    /// <summary>Wraps <paramref name="handler"/>, which stays owned by the caller.</summary>
    public HandlerTransport(HttpMessageHandler handler) => _invoker = new HttpMessageInvoker(handler, disposeHandler: false);

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _invoker.SendAsync(request, cancellationToken);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _invoker.Dispose();
        }

        base.Dispose(disposing);
    }
}
