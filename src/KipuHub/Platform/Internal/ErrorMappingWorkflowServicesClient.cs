using KipuHub.Generated.Platform;
using KipuHub.Internal;

namespace KipuHub.Platform.Internal;

/// <summary>
/// The facade's <c>WorkflowServices</c> namespace: forwards every call to the generated <see cref="WorkflowServicesClient"/> and translates its errors through
/// <see cref="HubErrorMapper"/>, so callers see <see cref="HubApiException"/> subclasses, never the generated <c>ApiException</c>.
/// Ids that go into the URL path (and other required strings) are checked first (an empty id would address a different resource).
/// </summary>
/// <remarks>Implementing the generated interface means a new operation in the spec fails the build here until it is wrapped.</remarks>
internal sealed class ErrorMappingWorkflowServicesClient : IWorkflowServicesClient
{
    private readonly IWorkflowServicesClient _inner;
    private readonly HubErrorMapper _errors;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ErrorMappingWorkflowServicesClient(IWorkflowServicesClient inner, HubErrorMapper errors)
    {
        _inner = inner;
        _errors = errors;
    }

    /// <inheritdoc />
    public Task<ServiceDto> CreateWorkflowServiceAsync(CreateWorkflowServiceRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.CreateWorkflowServiceAsync(body, cancellationToken), "WorkflowServices.CreateWorkflowServiceAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task<string> GetWorkflowModelAsync(string serviceId, string versionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        return _errors.RunAsync(() => _inner.GetWorkflowModelAsync(serviceId, versionId, cancellationToken), "WorkflowServices.GetWorkflowModelAsync", cancellationToken);
    }

    /// <inheritdoc />
    public Task UpdateWorkflowModelAsync(string serviceId, string versionId, string body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        ArgumentNullException.ThrowIfNull(body);
        return _errors.RunAsync(() => _inner.UpdateWorkflowModelAsync(serviceId, versionId, body, cancellationToken), "WorkflowServices.UpdateWorkflowModelAsync", cancellationToken);
    }
}
