using KipuHub.Generated.Platform;

namespace KipuHub.Paging;

/// <summary>
/// The paged Platform lists as <see cref="AsyncPageable{T}"/>: <c>await foreach</c> over every item, fetching one page
/// per request as the enumeration goes (and only as far as it goes), or <see cref="AsyncPageable{T}.AsPages"/> for
/// whole pages with their totals.
/// </summary>
/// <remarks>
/// <para>
/// Each method extends the namespace interface whose list operation it pages (<c>platform.Services.ListServicesPageable()</c>),
/// so it works over a mocked <see cref="IServicesClient"/> too. Filters and <c>sort</c> keys
/// (<c>"name,asc"</c>, <c>"createdAt,desc"</c>) are sent with every page. The enumeration stops after the page the
/// server calls the last (<c>totalPages</c>), or after a short or empty page when the server gives no totals.
/// </para>
/// <para>
/// Cancellation: the <c>cancellationToken</c> given here and the one given to the enumeration
/// (<c>WithCancellation</c>, <see cref="AsyncPageable{T}.AsPages"/>) both stop it. Errors surface as
/// <see cref="HubApiException"/> subclasses when the page that fails is fetched.
/// </para>
/// </remarks>
public static class PlatformPaging
{
    /// <summary>Pages through the services of the catalog (<c>services.list_services</c>).</summary>
    /// <param name="services">The <c>Services</c> namespace of a <see cref="HubPlatformClient"/>.</param>
    /// <param name="pageSize">Items per page; null for the server's default.</param>
    /// <param name="sort">Sort keys such as <c>"name,asc"</c>; null for the server's order.</param>
    /// <param name="search">Text the service name must contain.</param>
    /// <param name="lifecycle">Only services in this lifecycle state.</param>
    /// <param name="type">Only services of this type.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The services, fetched lazily page by page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is not positive.</exception>
    public static AsyncPageable<ServiceDto> ListServicesPageable(this IServicesClient services, int? pageSize = null, IEnumerable<string>? sort = null, string? search = null, ServiceLifecycle? lifecycle = null, ServiceType? type = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var keys = Snapshot(sort);
        return Create(pageSize, cancellationToken, async (page, size, ct) =>
        {
            var result = await services.ListServicesAsync(page, size, keys, search, lifecycle, type, ct).ConfigureAwait(false);
            return ToPage(result.Content, page, size, result.Size, result.TotalElements, result.TotalPages);
        });
    }

    /// <summary>Pages through service executions (<c>service_executions</c>), newest first unless <paramref name="sort"/> says otherwise.</summary>
    /// <param name="serviceExecutions">The <c>ServiceExecutions</c> namespace.</param>
    /// <param name="pageSize">Items per page; null for the server's default.</param>
    /// <param name="sort">Sort keys such as <c>"createdAt,desc"</c>.</param>
    /// <param name="serviceId">Only executions of this service.</param>
    /// <param name="status">Only executions in this status.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The executions, fetched lazily page by page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="serviceExecutions"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is not positive.</exception>
    public static AsyncPageable<ServiceExecutionDto> ListServiceExecutionsPageable(this IServiceExecutionsClient serviceExecutions, int? pageSize = null, IEnumerable<string>? sort = null, string? serviceId = null, ServiceExecutionStatus? status = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(serviceExecutions);
        var keys = Snapshot(sort);
        return Create(pageSize, cancellationToken, async (page, size, ct) =>
        {
            var result = await serviceExecutions.ListServiceExecutionsAsync(page, size, keys, serviceId, status, ct).ConfigureAwait(false);
            return ToPage(result.Content, page, size, result.Size, result.TotalElements, result.TotalPages);
        });
    }

    /// <summary>Pages through the algorithms of the catalog.</summary>
    /// <param name="algorithms">The <c>Algorithms</c> namespace.</param>
    /// <param name="pageSize">Items per page; null for the server's default.</param>
    /// <param name="sort">Sort keys such as <c>"name,asc"</c>.</param>
    /// <param name="search">Text to search for.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The algorithms, fetched lazily page by page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithms"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is not positive.</exception>
    public static AsyncPageable<AlgorithmDto> ListAlgorithmsPageable(this IAlgorithmsClient algorithms, int? pageSize = null, IEnumerable<string>? sort = null, string? search = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(algorithms);
        var keys = Snapshot(sort);
        return Create(pageSize, cancellationToken, async (page, size, ct) =>
        {
            var result = await algorithms.ListAlgorithmsAsync(page, size, keys, search, ct).ConfigureAwait(false);
            return ToPage(result.Content, page, size, result.Size, result.TotalElements, result.TotalPages);
        });
    }

    /// <summary>Pages through all implementations.</summary>
    /// <param name="implementations">The <c>Implementations</c> namespace.</param>
    /// <param name="pageSize">Items per page; null for the server's default.</param>
    /// <param name="sort">Sort keys such as <c>"name,asc"</c>.</param>
    /// <param name="search">Text to search for.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The implementations, fetched lazily page by page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="implementations"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is not positive.</exception>
    public static AsyncPageable<ImplementationDto> ListImplementationsPageable(this IImplementationsClient implementations, int? pageSize = null, IEnumerable<string>? sort = null, string? search = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(implementations);
        var keys = Snapshot(sort);
        return Create(pageSize, cancellationToken, async (page, size, ct) =>
        {
            var result = await implementations.ListImplementationsAsync(page, size, keys, search, ct).ConfigureAwait(false);
            return ToPage(result.Content, page, size, result.Size, result.TotalElements, result.TotalPages);
        });
    }

    /// <summary>Pages through the implementations of one algorithm.</summary>
    /// <param name="implementations">The <c>Implementations</c> namespace.</param>
    /// <param name="algorithmId">The algorithm.</param>
    /// <param name="pageSize">Items per page; null for the server's default.</param>
    /// <param name="sort">Sort keys such as <c>"name,asc"</c>.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The implementations, fetched lazily page by page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="implementations"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="algorithmId"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is not positive.</exception>
    public static AsyncPageable<ImplementationDto> ListAlgorithmImplementationsPageable(this IImplementationsClient implementations, string algorithmId, int? pageSize = null, IEnumerable<string>? sort = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(implementations);
        ArgumentException.ThrowIfNullOrWhiteSpace(algorithmId);
        var keys = Snapshot(sort);
        return Create(pageSize, cancellationToken, async (page, size, ct) =>
        {
            var result = await implementations.ListAlgorithmImplementationsAsync(algorithmId, page, size, keys, ct).ConfigureAwait(false);
            return ToPage(result.Content, page, size, result.Size, result.TotalElements, result.TotalPages);
        });
    }

    /// <summary>Pages through the files of an implementation.</summary>
    /// <param name="implementations">The <c>Implementations</c> namespace.</param>
    /// <param name="algorithmId">The algorithm.</param>
    /// <param name="implementationId">The implementation.</param>
    /// <param name="pageSize">Items per page; null for the server's default.</param>
    /// <param name="sort">Sort keys such as <c>"name,asc"</c>.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The files, fetched lazily page by page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="implementations"/> is null.</exception>
    /// <exception cref="ArgumentException">An id is null, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is not positive.</exception>
    public static AsyncPageable<ImplementationFileDto> ListImplementationFilesPageable(this IImplementationsClient implementations, string algorithmId, string implementationId, int? pageSize = null, IEnumerable<string>? sort = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(implementations);
        ArgumentException.ThrowIfNullOrWhiteSpace(algorithmId);
        ArgumentException.ThrowIfNullOrWhiteSpace(implementationId);
        var keys = Snapshot(sort);
        return Create(pageSize, cancellationToken, async (page, size, ct) =>
        {
            var result = await implementations.ListImplementationFilesAsync(algorithmId, implementationId, page, size, keys, ct).ConfigureAwait(false);
            return ToPage(result.Content, page, size, result.Size, result.TotalElements, result.TotalPages);
        });
    }

    /// <summary>Pages through the use cases of the catalog.</summary>
    /// <param name="useCases">The <c>UseCases</c> namespace.</param>
    /// <param name="pageSize">Items per page; null for the server's default.</param>
    /// <param name="sort">Sort keys such as <c>"title,asc"</c>.</param>
    /// <param name="title">Text the title must contain.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The use cases, fetched lazily page by page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="useCases"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is not positive.</exception>
    public static AsyncPageable<UseCaseDto> ListUseCasesPageable(this IUseCasesClient useCases, int? pageSize = null, IEnumerable<string>? sort = null, string? title = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(useCases);
        var keys = Snapshot(sort);
        return Create(pageSize, cancellationToken, async (page, size, ct) =>
        {
            var result = await useCases.ListUseCasesAsync(page, size, keys, title, ct).ConfigureAwait(false);
            return ToPage(result.Content, page, size, result.Size, result.TotalElements, result.TotalPages);
        });
    }

    /// <summary>Pages through users.</summary>
    /// <param name="users">The <c>Users</c> namespace.</param>
    /// <param name="pageSize">Items per page; null for the server's default.</param>
    /// <param name="sort">Sort keys such as <c>"username,asc"</c>.</param>
    /// <param name="search">Text to search for.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The users, fetched lazily page by page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="users"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is not positive.</exception>
    public static AsyncPageable<UserDto> ListUsersPageable(this IUsersClient users, int? pageSize = null, IEnumerable<string>? sort = null, string? search = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        var keys = Snapshot(sort);
        return Create(pageSize, cancellationToken, async (page, size, ct) =>
        {
            var result = await users.ListUsersAsync(page, size, keys, search, ct).ConfigureAwait(false);
            return ToPage(result.Content, page, size, result.Size, result.TotalElements, result.TotalPages);
        });
    }

    /// <summary>Pages through the caller's notifications.</summary>
    /// <param name="userNotifications">The <c>UserNotifications</c> namespace.</param>
    /// <param name="pageSize">Items per page; null for the server's default.</param>
    /// <param name="sort">Sort keys such as <c>"createdAt,desc"</c>.</param>
    /// <param name="unreadOnly">Only unread notifications.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The notifications, fetched lazily page by page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="userNotifications"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is not positive.</exception>
    public static AsyncPageable<UserNotificationDto> ListUserNotificationsPageable(this IUserNotificationsClient userNotifications, int? pageSize = null, IEnumerable<string>? sort = null, bool? unreadOnly = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userNotifications);
        var keys = Snapshot(sort);
        return Create(pageSize, cancellationToken, async (page, size, ct) =>
        {
            var result = await userNotifications.ListUserNotificationsAsync(page, size, keys, unreadOnly, ct).ConfigureAwait(false);
            return ToPage(result.Content, page, size, result.Size, result.TotalElements, result.TotalPages);
        });
    }

    /// <summary>Pages through quantum workloads (the cross-organization reporting view).</summary>
    /// <param name="quantumWorkloads">The <c>QuantumWorkloads</c> namespace.</param>
    /// <param name="pageSize">Items per page; null for the server's default.</param>
    /// <param name="sort">Sort keys such as <c>"createdAt,desc"</c>.</param>
    /// <param name="type">Only jobs or only sessions.</param>
    /// <param name="backendId">Only workloads on this backend.</param>
    /// <param name="organizationId">Only workloads of this organization.</param>
    /// <param name="createdAfter">Only workloads created after this instant.</param>
    /// <param name="createdBefore">Only workloads created before this instant.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The workloads, fetched lazily page by page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quantumWorkloads"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is not positive.</exception>
    public static AsyncPageable<QuantumWorkloadDto> ListQuantumWorkloadsPageable(this IQuantumWorkloadsClient quantumWorkloads, int? pageSize = null, IEnumerable<string>? sort = null, QuantumWorkloadType? type = null, string? backendId = null, string? organizationId = null, DateTimeOffset? createdAfter = null, DateTimeOffset? createdBefore = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(quantumWorkloads);
        var keys = Snapshot(sort);
        return Create(pageSize, cancellationToken, async (page, size, ct) =>
        {
            var result = await quantumWorkloads.ListQuantumWorkloadsAsync(page, size, keys, type, backendId, organizationId, createdAfter, createdBefore, ct).ConfigureAwait(false);
            return ToPage(result.Content, page, size, result.Size, result.TotalElements, result.TotalPages);
        });
    }

    // The caller's list could change between pages; every page must ask for the same order.
    private static string[]? Snapshot(IEnumerable<string>? sort) => sort?.ToArray();

    private static AsyncPageable<T> Create<T>(int? pageSize, CancellationToken captured, Func<int, int?, CancellationToken, Task<Page<T>>> fetch)
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
                if (!captured.CanBeCanceled)
                {
                    return await fetch(page, size, enumerationToken).ConfigureAwait(false);
                }

                using var linked = CancellationTokenSource.CreateLinkedTokenSource(captured, enumerationToken);
                return await fetch(page, size, linked.Token).ConfigureAwait(false);
            },
            pageSize);
    }

    // The requested page number is the truth: a server that omits "page" must not make the enumeration loop.
    private static Page<T> ToPage<T>(ICollection<T>? content, int page, int? requestedSize, int? reportedSize, long? totalElements, int? totalPages) =>
        new(content?.ToList() ?? [], page, requestedSize ?? reportedSize, totalElements, totalPages);
}
