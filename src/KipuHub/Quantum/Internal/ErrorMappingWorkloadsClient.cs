using KipuHub.Generated.Quantum;
using KipuHub.Internal;

namespace KipuHub.Quantum.Internal;

/// <summary>
/// The facade's <c>Workloads</c> namespace: forwards every call to the generated <see cref="WorkloadsClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingWorkloadsClient : IWorkloadsClient
{
    private readonly IWorkloadsClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingWorkloadsClient(IWorkloadsClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<PageResponseWorkload> GetWorkloadsAsync(int? page = null, int? size = null, IEnumerable<string>? sort = null, CancellationToken cancellationToken = default) =>
        _errors.RunAsync(_inner.GetWorkloadsAsync(page, size, sort, cancellationToken), "Workloads.GetWorkloadsAsync", cancellationToken);
}
