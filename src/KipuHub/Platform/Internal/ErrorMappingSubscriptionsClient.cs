using KipuHub.Generated.Platform;
using KipuHub.Internal;

namespace KipuHub.Platform.Internal;

/// <summary>
/// The facade's <c>Subscriptions</c> namespace: forwards every call to the generated <see cref="SubscriptionsClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path (and other required strings) are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingSubscriptionsClient : ISubscriptionsClient
{
    private readonly ISubscriptionsClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingSubscriptionsClient(ISubscriptionsClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<ICollection<SubscriptionDto>> GetSubscriptionsAsync(CancellationToken cancellationToken = default) =>
        _errors.RunAsync(() => _inner.GetSubscriptionsAsync(cancellationToken), "Subscriptions.GetSubscriptionsAsync", cancellationToken);

    /// <inheritdoc />
    public Task<SubscriptionDto> CreateSubscriptionAsync(CreateSubscriptionRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.CreateSubscriptionAsync(body, cancellationToken), "Subscriptions.CreateSubscriptionAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<SubscriptionDto> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        return _errors.RunAsync(() => _inner.GetSubscriptionAsync(subscriptionId, cancellationToken), "Subscriptions.GetSubscriptionAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        return _errors.RunAsync(() => _inner.DeleteSubscriptionAsync(subscriptionId, cancellationToken), "Subscriptions.DeleteSubscriptionAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ICollection<ServiceExecutionDto>> GetSubscriptionServiceExecutionsAsync(string subscriptionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        return _errors.RunAsync(() => _inner.GetSubscriptionServiceExecutionsAsync(subscriptionId, cancellationToken), "Subscriptions.GetSubscriptionServiceExecutionsAsync", cancellationToken);
    }
}
