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
    [Newtonsoft.Json.JsonProperty("values")]
    [System.Text.Json.Serialization.JsonPropertyName("values")]
    public IReadOnlyList<T> Values { get; }

    /// <summary>Zero-based index of this page.</summary>
    [Newtonsoft.Json.JsonProperty("pageNumber")]
    [System.Text.Json.Serialization.JsonPropertyName("pageNumber")]
    public int PageNumber { get; }

    /// <summary>Requested page size, if known.</summary>
    [Newtonsoft.Json.JsonProperty("pageSize")]
    [System.Text.Json.Serialization.JsonPropertyName("pageSize")]
    public int? PageSize { get; }

    /// <summary>Items across all pages, if the server said.</summary>
    [Newtonsoft.Json.JsonProperty("totalElements")]
    [System.Text.Json.Serialization.JsonPropertyName("totalElements")]
    public long? TotalElements { get; }

    /// <summary>Number of pages, if the server said.</summary>
    [Newtonsoft.Json.JsonProperty("totalPages")]
    [System.Text.Json.Serialization.JsonPropertyName("totalPages")]
    public int? TotalPages { get; }

    /// <summary>
    /// Whether another page follows. Trusts <see cref="TotalPages"/> when present; otherwise a short or empty page is the last.
    /// </summary>
    [Newtonsoft.Json.JsonProperty("hasNextPage")]
    [System.Text.Json.Serialization.JsonPropertyName("hasNextPage")]
    public bool HasNextPage =>
        Values.Count > 0 && (TotalPages is { } pages ? PageNumber + 1 < pages : PageSize is not { } size || Values.Count >= size);
}
