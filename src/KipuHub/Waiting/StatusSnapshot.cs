namespace KipuHub.Waiting;

/// <summary>One poll's answer: the status, and how long the server asked us to wait before the next poll.</summary>
/// <typeparam name="TStatus">The status type (e.g. <c>JobStatus</c>).</typeparam>
/// <param name="Status">The status the server reported.</param>
/// <param name="RetryAfter">The server's <c>Retry-After</c>, if it sent one.</param>
internal readonly record struct StatusSnapshot<TStatus>(TStatus Status, TimeSpan? RetryAfter = null);
