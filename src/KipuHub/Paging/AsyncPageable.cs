using System.Runtime.CompilerServices;

namespace KipuHub.Paging;

/// <summary>
/// A paged listing as an <see cref="IAsyncEnumerable{T}"/> of items that fetches pages lazily, one request per page, as
/// the caller enumerates (Azure.Core's <c>AsyncPageable&lt;T&gt;</c> shape). Use <see cref="AsPages"/> for whole pages.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public class AsyncPageable<T> : IAsyncEnumerable<T>
{
    private readonly Func<int, int?, CancellationToken, Task<Page<T>>> _fetchPage;
    private readonly int? _defaultPageSize;

    /// <summary>Creates a pageable over a page-fetching function.</summary>
    /// <param name="fetchPage">Fetches page (zero-based index, page size or null for the server default).</param>
    /// <param name="defaultPageSize">Page size to ask for when <see cref="AsPages"/> is not given one.</param>
    public AsyncPageable(Func<int, int?, CancellationToken, Task<Page<T>>> fetchPage, int? defaultPageSize = null)
    {
        _fetchPage = fetchPage ?? throw new ArgumentNullException(nameof(fetchPage));
        if (defaultPageSize is <= 0) throw new ArgumentOutOfRangeException(nameof(defaultPageSize), defaultPageSize, "Page size must be positive.");
        _defaultPageSize = defaultPageSize;
    }

    /// <summary>Protected constructor for mocking.</summary>
    protected AsyncPageable()
    {
        _fetchPage = (_, _, _) => Task.FromResult(new Page<T>([], 0, null, 0, 0));
    }

    /// <summary>
    /// Enumerates whole pages, starting at <paramref name="startPage"/>. Stops on an empty page, after
    /// <see cref="Page{T}.TotalPages"/> (counted from the page number asked for, never one a response claims), after a
    /// short page when there are no totals, and on a page that repeats the previous page's items.
    /// </summary>
    /// <param name="startPage">Zero-based page to start at (a continuation point).</param>
    /// <param name="pageSize">Items per page; the pageable's default when null.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public virtual async IAsyncEnumerable<Page<T>> AsPages(int startPage = 0, int? pageSize = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (startPage < 0) throw new ArgumentOutOfRangeException(nameof(startPage), startPage, "Pages are numbered from 0.");
        if (pageSize is <= 0) throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "Page size must be positive.");
        await foreach (var page in ServerPaging.EnumerateAsync(_fetchPage, startPage, pageSize ?? _defaultPageSize, cancellationToken).ConfigureAwait(false))
        {
            yield return page;
        }
    }

    /// <inheritdoc />
    public virtual async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages(0, null, cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Values)
            {
                yield return item;
            }
        }
    }
}
