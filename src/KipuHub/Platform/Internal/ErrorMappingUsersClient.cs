using KipuHub.Generated.Platform;
using KipuHub.Internal;

namespace KipuHub.Platform.Internal;

/// <summary>
/// The facade's <c>Users</c> namespace: forwards every call to the generated <see cref="UsersClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path (and other required strings) are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingUsersClient : IUsersClient
{
    private readonly IUsersClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingUsersClient(IUsersClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<UserDto> GetMeAsync(CancellationToken cancellationToken = default) =>
        _errors.RunAsync(() => _inner.GetMeAsync(cancellationToken), "Users.GetMeAsync", cancellationToken);

    /// <inheritdoc />
    public Task<UserDto> UpdateMeAsync(UpdateUserRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.UpdateMeAsync(body, cancellationToken), "Users.UpdateMeAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<PageUserDto> ListUsersAsync(int? page = null, int? size = null, IEnumerable<string>? sort = null, string? search = null, CancellationToken cancellationToken = default) =>
        _errors.RunAsync(() => _inner.ListUsersAsync(page, size, sort, search, cancellationToken), "Users.ListUsersAsync", cancellationToken);

    /// <inheritdoc />
    public Task<UserDto> GetUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return _errors.RunAsync(() => _inner.GetUserAsync(userId, cancellationToken), "Users.GetUserAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ICollection<AccountDto>> GetMyAccountsAsync(CancellationToken cancellationToken = default) =>
        _errors.RunAsync(() => _inner.GetMyAccountsAsync(cancellationToken), "Users.GetMyAccountsAsync", cancellationToken);
}
