namespace KipuHub.Samples.WebApi;

/// <summary>The optional body of <c>POST /jobs</c>.</summary>
/// <param name="BackendId">The backend; defaults to <c>azure.ionq.simulator</c>.</param>
/// <param name="Shots">The number of shots; defaults to 1000.</param>
internal sealed record SubmitJobRequest(string? BackendId, int? Shots);
