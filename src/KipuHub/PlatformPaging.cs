using KipuHub.Paging;

namespace KipuHub;

/// <summary>
/// The paged Platform lists as <see cref="AsyncPageable{T}"/>: <c>await foreach</c> over every item, fetching one page
/// per request as the enumeration goes (and only as far as it goes), or <see cref="AsyncPageable{T}.AsPages"/> for
/// whole pages with their totals.
/// </summary>
/// <remarks>
/// <para>
/// The methods are generated from <c>specs/platform.json</c> at build time (<c>build/templates/facade</c>, into
/// <c>obj/KipuHub.ErrorMapping.Platform.g.cs</c>): one per list operation that takes zero-based <c>page</c> and
/// <c>size</c> query parameters and returns a page (<c>content</c>, <c>totalPages</c>, ...), named after it with
/// <c>Pageable</c> (<c>ListServicesAsync</c> → <c>ListServicesPageable</c>), with its other parameters in the same
/// order and <c>pageSize</c> in place of <c>page</c>/<c>size</c>.
/// </para>
/// <para>
/// Each method extends the namespace interface whose list operation it pages (<c>platform.Services.ListServicesPageable()</c>),
/// so it works over a mocked <see cref="Generated.Platform.IServicesClient"/> too. Filters and <c>sort</c> keys
/// (<c>"name,asc"</c>, <c>"createdAt,desc"</c>) are sent with every page. The enumeration stops after the page the
/// server calls the last (<c>totalPages</c>, counted from the page number asked for), after a short or empty page when
/// the server gives no totals, and on a page that repeats the previous one's items (a proxy that ignores <c>page</c>).
/// </para>
/// <para>
/// Cancellation: the <c>cancellationToken</c> given here and the one given to the enumeration
/// (<c>WithCancellation</c>, <see cref="AsyncPageable{T}.AsPages"/>) both stop it. Errors surface as
/// <see cref="HubApiException"/> subclasses when the page that fails is fetched.
/// </para>
/// </remarks>
public static partial class PlatformPaging
{
}
