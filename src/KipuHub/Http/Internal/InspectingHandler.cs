namespace KipuHub.Http.Internal;

/// <summary>
/// Base of the handlers that must look at the response (retry, timeout, redirects) but want no async step when the
/// inner handler has already answered: they start the inner send with <see cref="StartInnerSend"/>, hand back its
/// task when it is complete and needs nothing from them, and await it only otherwise.
/// </summary>
/// <remarks>
/// An <c>async</c> handler costs a task and a state machine per call even when everything below it completed
/// synchronously (an in-memory transport, a test handler); over a socket the await is needed anyway, so the slow
/// path is the one that was always taken.
/// </remarks>
internal abstract class InspectingHandler : DelegatingHandler
{
    /// <summary>
    /// Calls the inner handler. An exception it throws before returning a task becomes that task's failure, as it would
    /// inside an <c>await</c>, so the caller's slow path sees every failure the same way.
    /// </summary>
    private protected Task<HttpResponseMessage> StartInnerSend(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return base.SendAsync(request, cancellationToken);
        }
        catch (Exception ex)
        {
            return Task.FromException<HttpResponseMessage>(ex);
        }
    }
}
