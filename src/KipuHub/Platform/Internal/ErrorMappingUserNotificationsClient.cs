using KipuHub.Generated.Platform;
using KipuHub.Internal;

namespace KipuHub.Platform.Internal;

/// <summary>
/// The facade's <c>UserNotifications</c> namespace: forwards every call to the generated <see cref="UserNotificationsClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path (and other required strings) are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingUserNotificationsClient : IUserNotificationsClient
{
    private readonly IUserNotificationsClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingUserNotificationsClient(IUserNotificationsClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<PageUserNotificationDto> ListUserNotificationsAsync(int? page = null, int? size = null, IEnumerable<string>? sort = null, bool? unreadOnly = null, CancellationToken cancellationToken = default) =>
        _errors.RunAsync(() => _inner.ListUserNotificationsAsync(page, size, sort, unreadOnly, cancellationToken), "UserNotifications.ListUserNotificationsAsync", cancellationToken);

    /// <inheritdoc />
    public Task<UserNotificationDto> GetUserNotificationAsync(string notificationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(notificationId);
        return _errors.RunAsync(() => _inner.GetUserNotificationAsync(notificationId, cancellationToken), "UserNotifications.GetUserNotificationAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteUserNotificationAsync(string notificationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(notificationId);
        return _errors.RunAsync(() => _inner.DeleteUserNotificationAsync(notificationId, cancellationToken), "UserNotifications.DeleteUserNotificationAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<UserNotificationDto> MarkUserNotificationAsReadAsync(string notificationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(notificationId);
        return _errors.RunAsync(() => _inner.MarkUserNotificationAsReadAsync(notificationId, cancellationToken), "UserNotifications.MarkUserNotificationAsReadAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task MarkAllUserNotificationsAsReadAsync(CancellationToken cancellationToken = default) =>
        _errors.RunAsync(() => _inner.MarkAllUserNotificationsAsReadAsync(cancellationToken), "UserNotifications.MarkAllUserNotificationsAsReadAsync", cancellationToken);
}
