namespace KipuHub;

/// <summary>
/// Overrides of the client's options for some calls: the organization, the timeout, the retry count and extra
/// headers. Apply them to every request of a block with <see cref="HubRequestContext.Begin"/>, or to one raw request
/// with <c>SendAsync(request, options)</c>; a property left <see langword="null"/> keeps the client's (or the
/// enclosing scope's) value.
/// </summary>
/// <remarks>
/// <para>
/// The counterpart of the TypeScript SDK's per-call <c>requestOptions</c> and of Azure.Core's <c>RequestContext</c>.
/// The values are checked when they are applied (<see cref="HubRequestContext.Begin"/> or <c>SendAsync</c>), with the
/// same rules as the client options: a value that cannot be sent is refused with an <see cref="ArgumentException"/>
/// and never reaches the wire.
/// </para>
/// <para>
/// Retries never make a request retryable that is not: <c>POST /jobs</c> is sent once whatever <see cref="MaxRetries"/> says.
/// </para>
/// </remarks>
public sealed class HubRequestOptions
{
    /// <summary>Gets or sets the organization these requests act for (<c>X-OrganizationId</c>), replacing the client's <c>OrganizationId</c>.</summary>
    /// <value>
    /// <see langword="null"/> to keep the client's. Sent to the Quantum and Platform APIs on the configured host only; the
    /// Service gateway has no organizations and does not get it.
    /// </value>
    public string? OrganizationId { get; set; }

    /// <summary>Gets or sets the limit per attempt (sending the request and receiving the response headers, and each read of the body), replacing the client's <c>Timeout</c>.</summary>
    /// <value>Positive, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit; <see langword="null"/> to keep the client's.</value>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Gets or sets the number of retries after the first attempt of an idempotent request; 0 sends each request once.</summary>
    /// <value>
    /// 0 or more; <see langword="null"/> to keep the client's <c>MaxRetries</c>. With <c>AddKipuHub</c> the resilience
    /// pipeline's <c>Retry:MaxRetryAttempts</c> is the ceiling: this can lower the count, not raise it.
    /// </value>
    public int? MaxRetries { get; set; }

    /// <summary>Gets extra headers for these requests; they win over the client's <c>Headers</c> of the same name.</summary>
    /// <value>
    /// Empty by default; names are case-insensitive. The same rules as the <c>Headers</c> client option: no
    /// <c>Authorization</c> or API-key header (credentials stay in the credential options), no <c>X-OrganizationId</c>
    /// (set <see cref="OrganizationId"/>), and no character that could end the header.
    /// </value>
    public IDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
