using System.Net.Sockets;
using KipuHub.Credentials;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KipuHub.Extensions.DependencyInjection.HealthChecks;

/// <summary>
/// Reports whether the Hub answers and accepts the token: one authenticated <c>GET /backends</c> through the
/// registration's pipeline. Descriptions say what to check; they never contain the token.
/// </summary>
internal sealed class KipuHubHealthCheck : IHealthCheck
{
    private readonly IHubQuantumClient _client;

    public KipuHubHealthCheck(IHubQuantumClient client) => _client = client;

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["baseUrl"] = _client.BaseUrl.ToString() };
        try
        {
            var backends = await _client.Backends.GetBackendsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            data["backends"] = backends.Count;
            return HealthCheckResult.Healthy($"The Kipu Hub at {Host()} answered and accepted the token ({backends.Count} backends).", data);
        }
        catch (UnauthorizedException)
        {
            return Failed(context, $"The Kipu Hub at {Host()} rejected the token (401 Unauthorized). Check KipuHub:ApiKey, KQH_PERSONAL_ACCESS_TOKEN or 'qhubctl login'.", data);
        }
        catch (ForbiddenException)
        {
            return Failed(context, $"The Kipu Hub at {Host()} accepted the token but refused access (403 Forbidden); check KipuHub:OrganizationId and the token's permissions.", data);
        }
        catch (CredentialUnavailableException)
        {
            return Failed(context, "No Kipu Quantum Hub token is configured (KipuHub:ApiKey, KQH_PERSONAL_ACCESS_TOKEN or 'qhubctl login').", data);
        }
        catch (HubApiException ex)
        {
            return Failed(context, $"The Kipu Hub at {Host()} answered {ex.StatusCode}.", data);
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException or HubTimeoutException or HubException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Failed(context, $"The Kipu Hub at {Host()} is unreachable or did not answer in time ({ex.GetType().Name}).", data, ex);
        }
    }

    private static HealthCheckResult Failed(HealthCheckContext context, string description, IReadOnlyDictionary<string, object> data, Exception? exception = null) =>
        new(context.Registration.FailureStatus, description, exception, data);

    private string Host() => _client.BaseUrl.GetLeftPart(UriPartial.Path);
}
