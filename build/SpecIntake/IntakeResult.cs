namespace KipuHub.SpecIntake;

/// <summary>What one intake run found (the report prints it; tests read it).</summary>
/// <param name="Changes">The spec changes, current → imported.</param>
/// <param name="ApiDiff">The generated public API lines removed ("- ") and added ("+ "); null when not computed.</param>
/// <param name="WrittenTo">The file written, or null (dry run).</param>
/// <param name="NotCarried">JSON pointers of other extensions of the current spec the import lacks (not ours: not carried).</param>
/// <param name="Carried">What was carried from our spec because the document lacks it (<see cref="OwnedPartsCarrier"/>).</param>
internal sealed record IntakeResult(IReadOnlyList<SpecChange> Changes, IReadOnlyList<string>? ApiDiff, string? WrittenTo, IReadOnlyList<string> NotCarried, RewriteLog Carried);
