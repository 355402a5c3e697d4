using KipuHub.Jobs;

namespace KipuHub;

/// <summary>
/// A job failed its preflight check (<see cref="HubQuantumClientOptions.ValidateBeforeSubmit"/>): nothing was sent.
/// <see cref="Problems"/> lists every problem found, each saying what to change.
/// </summary>
public sealed class JobPreflightException : HubException
{
    /// <summary>Creates the exception from a failed preflight result.</summary>
    /// <param name="result">The failed result.</param>
    public JobPreflightException(JobPreflightResult result)
        : base(Describe(result))
    {
        Result = result;
    }

    /// <summary>Gets the preflight result, with the backend it was checked against.</summary>
    public JobPreflightResult Result { get; }

    /// <summary>Gets every problem found.</summary>
    public IReadOnlyList<JobPreflightProblem> Problems => Result.Problems;

    private static string Describe(JobPreflightResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return $"The job was not sent: it fails {result.Problems.Count} preflight check(s) against backend '{result.Backend.Id}': "
            + string.Join(" ", result.Problems.Select(p => $"[{p.Code}] {p.Message}"));
    }
}
