using KipuHub.Http.Internal;

namespace KipuHub;

/// <summary>
/// Applies <see cref="HubRequestOptions"/> to every Kipu Hub request made inside a block, on any client and through
/// every method (typed, generated namespaces, waits and polls, downloads, <c>SendAsync</c>):
/// <c>using (HubRequestContext.Begin(new HubRequestOptions { MaxRetries = 0 })) { ... }</c>.
/// </summary>
/// <remarks>
/// <para>
/// The scope flows with the async context (<see cref="AsyncLocal{T}"/>): to awaited calls and tasks started inside
/// it, not to other threads' work. Scopes nest: an inner scope's values win, the outer ones fill in what it leaves
/// <see langword="null"/>, and headers of both are sent (the inner value wins for a name in both). Disposing a scope
/// restores the one around it. Begin and dispose a scope in the same method: a scope begun inside an
/// <see langword="async"/> helper ends when that helper returns.
/// </para>
/// <para>
/// It works the same for clients created in code and from <c>AddKipuHub</c> (where the resilience pipeline reads the
/// timeout and the retry count per request).
/// </para>
/// </remarks>
public static class HubRequestContext
{
    private static readonly AsyncLocal<RequestOverrides?> CurrentScope = new();

    /// <summary>Gets the options in force here (the merge of every open scope), or <see langword="null"/> outside any scope.</summary>
    /// <value>A copy: changing it changes nothing.</value>
    public static HubRequestOptions? Current => CurrentScope.Value?.ToOptions();

    /// <summary>
    /// Returns the options a request is sent with (its <c>SendAsync</c> options over the scope it was sent in), for a
    /// handler or resilience policy of your own; the SDK's resilience pipeline in <c>AddKipuHub</c> reads them this way.
    /// </summary>
    /// <param name="request">A request on its way through a Kipu Hub client's pipeline.</param>
    /// <returns>A copy of its options, or <see langword="null"/> when it has none (or has not yet passed the SDK's first handler).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public static HubRequestOptions? GetOptions(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RequestProperties.GetOverrides(request)?.ToOptions();
    }

    /// <summary>Gets the validated overrides in force here, for the pipeline.</summary>
    internal static RequestOverrides? CurrentOverrides => CurrentScope.Value;

    /// <summary>Begins a scope in which every request uses <paramref name="options"/>; dispose it to end the scope.</summary>
    /// <param name="options">The overrides; they are copied and checked now, so changing the object later changes nothing.</param>
    /// <returns>The scope; disposing it restores the options that were in force before (disposing twice does nothing).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A timeout that is zero or negative (other than infinite), or a negative retry count.</exception>
    /// <exception cref="ArgumentException">An organization id or header that cannot be sent (a line break or other character not allowed in a header, an empty name), or a credential or <c>X-OrganizationId</c> header.</exception>
    public static IDisposable Begin(HubRequestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var outer = CurrentScope.Value;
        CurrentScope.Value = RequestOverrides.Merge(outer, options);
        return new Scope(outer);
    }

    // Restores the scope around it; only the first Dispose counts, so a double dispose cannot end an outer scope.
    private sealed class Scope(RequestOverrides? outer) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                CurrentScope.Value = outer;
            }
        }
    }
}
