namespace KipuHub.Http.Internal;

/// <summary>What bounds the reads of one response body.</summary>
/// <param name="ReadTimeout">How long one read may wait for data (the client's per-attempt timeout).</param>
/// <param name="Time">The clock the timeout runs on.</param>
/// <param name="Operation">The request and its status, for messages, e.g. <c>GET /quantum/jobs/42 (200)</c>.</param>
internal sealed record BodyReadLimits(TimeSpan ReadTimeout, TimeProvider Time, string Operation);
