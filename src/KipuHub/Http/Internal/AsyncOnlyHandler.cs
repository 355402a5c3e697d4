namespace KipuHub.Http.Internal;

/// <summary>
/// Refuses synchronous <see cref="HttpClient.Send(HttpRequestMessage)"/>: the SDK's handlers implement only
/// <c>SendAsync</c>, and <see cref="DelegatingHandler"/>'s default <c>Send</c> would pass the request straight
/// through them, without token, retries or timeout.
/// </summary>
internal sealed class AsyncOnlyHandler : DelegatingHandler
{
    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The Kipu Hub pipeline is asynchronous: use SendAsync (or the async methods of the clients).");
}
