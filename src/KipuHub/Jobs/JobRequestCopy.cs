using KipuHub.Generated.Quantum;

namespace KipuHub.Jobs;

/// <summary>
/// Copies a caller's <see cref="CreateJobRequest"/> before the SDK adds to it (a batch tag, a session id): the caller's
/// object is never changed, so one request may be passed many times. Shallow: <c>Input</c> and <c>InputParams</c> are
/// shared and only read; <c>Tags</c> and <c>AdditionalProperties</c> are fresh collections.
/// </summary>
internal static class JobRequestCopy
{
    /// <summary>Returns a copy with <paramref name="extraTag"/> appended to its tags and <paramref name="sessionId"/> set, when given.</summary>
    public static CreateJobRequest Of(CreateJobRequest request, string? extraTag = null, string? sessionId = null) => new()
    {
        Name = request.Name,
        BackendId = request.BackendId,
        Shots = request.Shots,
        Input = request.Input,
        InputFormat = request.InputFormat,
        InputParams = request.InputParams,
        Tags = extraTag is null ? (request.Tags is null ? null : [.. request.Tags]) : [.. request.Tags ?? [], extraTag],
        SessionId = sessionId ?? request.SessionId,
        SdkProvider = request.SdkProvider,
        AdditionalProperties = new Dictionary<string, object>(request.AdditionalProperties),
    };
}
