using KipuHub.Generated.Platform;
using KipuHub.Internal;

namespace KipuHub.Platform.Internal;

/// <summary>
/// The facade's <c>Organizations</c> namespace: forwards every call to the generated <see cref="OrganizationsClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path (and other required strings) are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingOrganizationsClient : IOrganizationsClient
{
    private readonly IOrganizationsClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingOrganizationsClient(IOrganizationsClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<ICollection<OrganizationDto>> GetOrganizationsAsync(CancellationToken cancellationToken = default) =>
        _errors.RunAsync(() => _inner.GetOrganizationsAsync(cancellationToken), "Organizations.GetOrganizationsAsync", cancellationToken);

    /// <inheritdoc />
    public Task<OrganizationDto> CreateOrganizationAsync(CreateOrganizationRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.CreateOrganizationAsync(body, cancellationToken), "Organizations.CreateOrganizationAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<OrganizationDto> GetOrganizationAsync(string organizationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationId);
        return _errors.RunAsync(() => _inner.GetOrganizationAsync(organizationId, cancellationToken), "Organizations.GetOrganizationAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<OrganizationDto> UpdateOrganizationAsync(string organizationId, UpdateOrganizationRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.UpdateOrganizationAsync(organizationId, body, cancellationToken), "Organizations.UpdateOrganizationAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteOrganizationAsync(string organizationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationId);
        return _errors.RunAsync(() => _inner.DeleteOrganizationAsync(organizationId, cancellationToken), "Organizations.DeleteOrganizationAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ICollection<OrganizationMemberDto>> GetOrganizationMembersAsync(string organizationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationId);
        return _errors.RunAsync(() => _inner.GetOrganizationMembersAsync(organizationId, cancellationToken), "Organizations.GetOrganizationMembersAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<OrganizationMemberDto> AddOrganizationMemberAsync(string organizationId, AddOrganizationMemberRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.AddOrganizationMemberAsync(organizationId, body, cancellationToken), "Organizations.AddOrganizationMemberAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<OrganizationMemberDto> UpdateOrganizationMemberAsync(string organizationId, string userId, UpdateOrganizationMemberRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.UpdateOrganizationMemberAsync(organizationId, userId, body, cancellationToken), "Organizations.UpdateOrganizationMemberAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task RemoveOrganizationMemberAsync(string organizationId, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return _errors.RunAsync(() => _inner.RemoveOrganizationMemberAsync(organizationId, userId, cancellationToken), "Organizations.RemoveOrganizationMemberAsync", cancellationToken);
    }
}
