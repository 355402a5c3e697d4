using KipuHub;
using KipuHub.Extensions.DependencyInjection.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a health check of a Kipu Hub registration.</summary>
public static class KipuHubHealthChecksBuilderExtensions
{
    /// <summary>The default name of the check, <c>"kipuhub"</c>.</summary>
    public const string DefaultName = "kipuhub";

    /// <summary>
    /// Adds a check that is Healthy when the Hub answers an authenticated <c>GET /backends</c>, and reports the failure
    /// status with a clear description on 401, 403, a missing token or an unreachable Hub.
    /// </summary>
    /// <param name="builder">The health checks builder (<c>services.AddHealthChecks()</c>).</param>
    /// <param name="serviceKey">The key of a keyed <c>AddKipuHub</c> registration, or <see langword="null"/> for the default one.</param>
    /// <param name="name">The check's name; defaults to <see cref="DefaultName"/> (with <c>:key</c> for a keyed registration).</param>
    /// <param name="failureStatus">The status to report on failure; <see langword="null"/> for <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <param name="timeout">How long the check may take; <see langword="null"/> for 10 seconds.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IHealthChecksBuilder AddKipuHubHealthCheck(
        this IHealthChecksBuilder builder,
        string? serviceKey = null,
        string? name = null,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name ?? (serviceKey is null ? DefaultName : $"{DefaultName}:{serviceKey}"),
            sp => new KipuHubHealthCheck(serviceKey is null ? sp.GetRequiredService<IHubQuantumClient>() : sp.GetRequiredKeyedService<IHubQuantumClient>(serviceKey)),
            failureStatus,
            tags,
            timeout ?? TimeSpan.FromSeconds(10)));
    }
}
