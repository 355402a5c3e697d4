namespace KipuHub.Contract.Validation;

/// <summary>One way an exchange breaks its spec.</summary>
/// <param name="Operation">The operation (<c>quantum getJob</c>), or the method and path when none matched.</param>
/// <param name="Request">The method and path sent.</param>
/// <param name="Status">The response status.</param>
/// <param name="Part">What broke: <c>request</c>, <c>status</c>, <c>response</c>.</param>
/// <param name="Pointer">The JSON Pointer into the body ("" for the whole body or for a non-body problem).</param>
/// <param name="Message">What the validator said.</param>
public sealed record ContractViolation(string Operation, string Request, int Status, string Part, string Pointer, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Operation} [{Request} -> {Status}] {Part} at '{Pointer}': {Message}";
}
