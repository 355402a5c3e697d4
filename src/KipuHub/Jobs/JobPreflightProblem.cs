namespace KipuHub.Jobs;

/// <summary>One problem a preflight check found: its kind and a message that says what to change.</summary>
/// <param name="Code">The kind of problem.</param>
/// <param name="Message">What is wrong and what to change, naming the backend's limit.</param>
public sealed record JobPreflightProblem(JobPreflightProblemCode Code, string Message);
