namespace KipuHub.Paging;

/// <summary>One page of a paged listing.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Page<T>
{
    /// <summary>Creates a page.</summary>
    /// <param name="values">The items on this page.</param>
    /// <param name="pageNumber">Zero-based index of this page.</param>
    /// <param name="pageSize">Requested page size, if known.</param>
    /// <param name="totalElements">Items across all pages, if the server said.</param>
    /// <param name="totalPages">Number of pages, if the server said.</param>
    public Page(IReadOnlyList<T> values, int pageNumber, int? pageSize, long? totalElements, int? totalPages)
    {
        Values = values;
        PageNumber = pageNumber;
        PageSize = pageSize;
        TotalElements = totalElements;
        TotalPages = totalPages;
    }

    /// <summary>The items on this page.</summary>
    public IReadOnlyList<T> Values { get; }

    /// <summary>Zero-based index of this page.</summary>
    public int PageNumber { get; }

    /// <summary>Requested page size, if known.</summary>
    public int? PageSize { get; }

    /// <summary>Items across all pages, if the server said.</summary>
    public long? TotalElements { get; }

    /// <summary>Number of pages, if the server said.</summary>
    public int? TotalPages { get; }

    /// <summary>
    /// Whether another page follows. Trusts <see cref="TotalPages"/> when present; otherwise a short or empty page is the last.
    /// </summary>
    public bool HasNextPage =>
        Values.Count > 0 && (TotalPages is { } pages ? PageNumber + 1 < pages : PageSize is not { } size || Values.Count >= size);
}
