namespace KipuHub.Contract.Validation;

/// <summary>What the validator concluded about one exchange.</summary>
/// <param name="OperationKey">The matched operation (<c>quantum getJob</c>), or null when the path is no operation of any spec.</param>
/// <param name="Violations">The response's violations, and the request's when the emulator accepted it.</param>
/// <param name="RejectedRequestViolations">Request-body violations of a request the emulator rejected (4xx or 5xx): a test
/// sending a bad body on purpose. Reported, not failures.</param>
/// <param name="BodiesValidated">How many bodies (request and response) were checked against a schema.</param>
/// <param name="NotJudged">Why the exchange was not judged at all, or null (see <see cref="ContractValidator.Validate"/>).</param>
public sealed record ExchangeVerdict(string? OperationKey, IReadOnlyList<ContractViolation> Violations, IReadOnlyList<ContractViolation> RejectedRequestViolations, int BodiesValidated, string? NotJudged = null);
