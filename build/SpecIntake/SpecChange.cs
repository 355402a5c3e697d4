namespace KipuHub.SpecIntake;

/// <summary>One difference between the current spec and the imported one.</summary>
/// <param name="Where">What changed: "GET /jobs/{id} (getJob)" or "schema Job".</param>
/// <param name="What">The change: "parameter query 'size' is now required".</param>
/// <param name="Breaking">Whether code written against the current SDK may stop compiling or working.</param>
internal sealed record SpecChange(string Where, string What, bool Breaking)
{
    /// <summary>"BREAKING  GET /jobs/{id} (getJob): parameter ... " (fixed-width marker, so the list scans).</summary>
    public override string ToString() => $"{(Breaking ? "BREAKING" : "ok      ")}  {Where}: {What}";
}
