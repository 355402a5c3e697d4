using KipuHub.Generated.Platform;

namespace KipuHub;

/// <summary>The newer docs' name for listing services, next to <c>sdk-api.md</c>'s <see cref="IServicesClient.ListServicesAsync"/>.</summary>
public static class ServicesClientExtensions
{
    /// <summary>
    /// A page of the services the caller (or the organization) can access: <c>services.get_services(page, size)</c>
    /// of the newer quickstart, the same request as <see cref="IServicesClient.ListServicesAsync"/> (<c>GET /services</c>).
    /// </summary>
    /// <param name="services">The Platform client's <c>Services</c> namespace.</param>
    /// <param name="page">Zero-based page index; the server's default (0) when null.</param>
    /// <param name="size">Page size; the server's default when null.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The page; its items are in <c>Content</c> (<c>content[].displayName</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static Task<PageServiceDto> GetServicesAsync(this IServicesClient services, int? page = null, int? size = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.ListServicesAsync(page, size, cancellationToken: cancellationToken);
    }
}
