using KipuHub.Generated.Quantum;
using KipuHub.Internal;

namespace KipuHub.Quantum.Internal;

/// <summary>
/// The facade's <c>Sessions</c> namespace: forwards every call to the generated <see cref="SessionsClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingSessionsClient : ISessionsClient
{
    private readonly ISessionsClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingSessionsClient(ISessionsClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<Session> CreateSessionAsync(CreateSessionRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(_inner.CreateSessionAsync(body, cancellationToken), "Sessions.CreateSessionAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<Session> GetSessionAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _errors.RunAsync(_inner.GetSessionAsync(id, cancellationToken), "Sessions.GetSessionAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<Session> UpdateSessionStateAsync(string id, UpdateSessionStateRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(_inner.UpdateSessionStateAsync(id, body, cancellationToken), "Sessions.UpdateSessionStateAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<SessionStatusResponse> GetSessionStatusAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _errors.RunAsync(_inner.GetSessionStatusAsync(id, cancellationToken), "Sessions.GetSessionStatusAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ICollection<Job>> GetJobsBySessionAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _errors.RunAsync(_inner.GetJobsBySessionAsync(id, cancellationToken), "Sessions.GetJobsBySessionAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<Session> CloseSessionAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _errors.RunAsync(_inner.CloseSessionAsync(id, cancellationToken), "Sessions.CloseSessionAsync", cancellationToken);
    }
}
