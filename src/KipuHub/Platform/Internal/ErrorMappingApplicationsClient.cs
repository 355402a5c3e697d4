using KipuHub.Generated.Platform;
using KipuHub.Internal;

namespace KipuHub.Platform.Internal;

/// <summary>
/// The facade's <c>Applications</c> namespace: forwards every call to the generated <see cref="ApplicationsClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path (and other required strings) are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingApplicationsClient : IApplicationsClient
{
    private readonly IApplicationsClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingApplicationsClient(IApplicationsClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<ICollection<ApplicationDto>> GetApplicationsAsync(CancellationToken cancellationToken = default) =>
        _errors.RunAsync(() => _inner.GetApplicationsAsync(cancellationToken), "Applications.GetApplicationsAsync", cancellationToken);

    /// <inheritdoc />
    public Task<ApplicationDto> CreateApplicationAsync(CreateApplicationRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.CreateApplicationAsync(body, cancellationToken), "Applications.CreateApplicationAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ApplicationDto> GetApplicationAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        return _errors.RunAsync(() => _inner.GetApplicationAsync(applicationId, cancellationToken), "Applications.GetApplicationAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ApplicationDto> UpdateApplicationAsync(string applicationId, UpdateApplicationRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.UpdateApplicationAsync(applicationId, body, cancellationToken), "Applications.UpdateApplicationAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteApplicationAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        return _errors.RunAsync(() => _inner.DeleteApplicationAsync(applicationId, cancellationToken), "Applications.DeleteApplicationAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<AccessTokenDto> GetAccessTokenAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        return _errors.RunAsync(() => _inner.GetAccessTokenAsync(applicationId, cancellationToken), "Applications.GetAccessTokenAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ICollection<SubscriptionDto>> GetApplicationSubscriptionsAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        return _errors.RunAsync(() => _inner.GetApplicationSubscriptionsAsync(applicationId, cancellationToken), "Applications.GetApplicationSubscriptionsAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<SubscriptionDto> CreateInternalSubscriptionAsync(string applicationId, CreateInternalSubscriptionRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.CreateInternalSubscriptionAsync(applicationId, body, cancellationToken), "Applications.CreateInternalSubscriptionAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<SubscriptionDto> GetApplicationSubscriptionAsync(string applicationId, string subscriptionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        return _errors.RunAsync(() => _inner.GetApplicationSubscriptionAsync(applicationId, subscriptionId, cancellationToken), "Applications.GetApplicationSubscriptionAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteApplicationSubscriptionAsync(string applicationId, string subscriptionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        return _errors.RunAsync(() => _inner.DeleteApplicationSubscriptionAsync(applicationId, subscriptionId, cancellationToken), "Applications.DeleteApplicationSubscriptionAsync", cancellationToken);
    }
}
