using KipuHub.Generated.Quantum;

namespace KipuHub.Jobs;

/// <summary>The outcome of <see cref="IHubQuantumClient.ValidateJobAsync"/>: every problem found against the backend.</summary>
/// <param name="Backend">The backend record the job was checked against.</param>
/// <param name="Problems">Every problem found; empty when the job passed.</param>
public sealed record JobPreflightResult(Backend Backend, IReadOnlyList<JobPreflightProblem> Problems)
{
    /// <summary>Gets a value indicating whether no problem was found.</summary>
    public bool IsValid => Problems.Count == 0;
}
