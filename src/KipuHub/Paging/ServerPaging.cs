using Newtonsoft.Json;

namespace KipuHub.Paging;

/// <summary>What one page request returned, without a page number: the number asked for is the only one trusted.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Content">The page's items (<c>content</c>), or null.</param>
/// <param name="Size">The page size the server reports (<c>size</c>), used only when none was asked for.</param>
/// <param name="TotalElements">Items across all pages (<c>totalElements</c> / <c>total_elements</c>), if the server said.</param>
/// <param name="TotalPages">Number of pages (<c>totalPages</c> / <c>total_pages</c>), if the server said.</param>
internal readonly record struct PageResponse<T>(ICollection<T>? Content, int? Size, long? TotalElements, int? TotalPages);

/// <summary>
/// The one place that turns "fetch page N" into an <see cref="AsyncPageable{T}"/>: the generated pageables
/// (<see cref="PlatformPaging"/>, the internal <c>QuantumPaging</c> behind <c>HubQuantumClient.GetJobsAsync</c>) and
/// every <see cref="AsyncPageable{T}"/> page through <see cref="EnumerateAsync"/>.
/// </summary>
/// <remarks>
/// Hostile servers and proxies cannot make an enumeration run away: it asks for page 0, 1, ... and trusts only the
/// number it asked for (never a page number in the response); it stops on an empty page, after <c>totalPages</c>
/// when the server gives it, after a short page when it does not, and on a page whose items repeat the previous
/// page's (a proxy that ignores <c>?page=</c> returns page 0 forever: that ends after the second request).
/// </remarks>
internal static class ServerPaging
{
    /// <summary>A lazy pageable over <paramref name="fetch"/>, which requests one page (zero-based number, size or null).</summary>
    /// <param name="pageSize">Items per page; null for the server's default.</param>
    /// <param name="captured">The token given with the listing call; stops the enumeration like the enumeration's own.</param>
    /// <param name="fetch">Requests a page and returns what came back.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is not positive.</exception>
    public static AsyncPageable<T> Create<T>(int? pageSize, CancellationToken captured, Func<int, int?, CancellationToken, Task<PageResponse<T>>> fetch)
    {
        if (pageSize is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "Page size must be positive.");
        }

        return new AsyncPageable<T>(
            async (page, size, enumerationToken) =>
            {
                // Checked here, not left to the transport: a page must not be requested after the caller gave up.
                captured.ThrowIfCancellationRequested();
                PageResponse<T> response;
                if (!captured.CanBeCanceled)
                {
                    response = await fetch(page, size, enumerationToken).ConfigureAwait(false);
                }
                else
                {
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(captured, enumerationToken);
                    response = await fetch(page, size, linked.Token).ConfigureAwait(false);
                }

                return new Page<T>(response.Content?.ToList() ?? [], page, size ?? response.Size, response.TotalElements, response.TotalPages);
            },
            pageSize);
    }

    /// <summary>The page loop: requests <paramref name="startPage"/>, the next, ... until one of the stop rules of <see cref="ServerPaging"/> holds.</summary>
    public static async IAsyncEnumerable<Page<T>> EnumerateAsync<T>(
        Func<int, int?, CancellationToken, Task<Page<T>>> fetchPage,
        int startPage,
        int? pageSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IReadOnlyList<T>? previous = null;
        string? previousFingerprint = null;
        for (var number = startPage; ; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fetched = await fetchPage(number, pageSize, cancellationToken).ConfigureAwait(false);
            var values = fetched.Values;

            // The number asked for is the truth, whatever the response (or a custom fetch function) says.
            var page = fetched.PageNumber == number ? fetched : new Page<T>(values, number, fetched.PageSize, fetched.TotalElements, fetched.TotalPages);

            if (previous is not null && Repeats(previous, ref previousFingerprint, values))
            {
                // The server answered the previous page again (it ignores "page"): there is nothing new to give.
                yield break;
            }

            yield return page;
            if (!page.HasNextPage || number == int.MaxValue)
            {
                yield break;
            }

            previous = values;
            previousFingerprint = null;
        }
    }

    // Same items in the same order: the same objects, or the same JSON (a new response deserializes into new objects).
    private static bool Repeats<T>(IReadOnlyList<T> previous, ref string? previousFingerprint, IReadOnlyList<T> current)
    {
        if (previous.Count != current.Count || current.Count == 0)
        {
            return false;
        }

        if (previous.SequenceEqual(current))
        {
            return true;
        }

        try
        {
            previousFingerprint ??= JsonConvert.SerializeObject(previous);
            return string.Equals(previousFingerprint, JsonConvert.SerializeObject(current), StringComparison.Ordinal);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
