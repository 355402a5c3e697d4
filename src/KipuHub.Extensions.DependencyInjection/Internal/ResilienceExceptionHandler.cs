using System.Globalization;
using KipuHub.Http.Internal;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>
/// Sits outside the resilience handler and turns Polly's exceptions into the SDK's, so callers catch
/// <see cref="HubTimeoutException"/> and <see cref="HubException"/> whichever pipeline sent the request.
/// </summary>
internal sealed class ResilienceExceptionHandler : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var operation = Operation(request);
            var seconds = ex.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            throw new HubTimeoutException(
                $"{operation} got no response within {seconds} s (attempt {HubRequestOptions.GetAttempt(request)}). " +
                "The Hub may be slow or unreachable: raise KipuHub:Timeout (per attempt) or KipuHub:Resilience:TotalRequestTimeout:Timeout, or check the network and the base URL.",
                ex.Timeout,
                innerException: ex)
            {
                Operation = operation,
            };
        }
        catch (BrokenCircuitException ex)
        {
            throw new HubException(
                $"{Operation(request)} was not sent: the Hub failed repeatedly, so the circuit breaker stops requests for a while (KipuHub:Resilience:CircuitBreaker:BreakDuration). Try again later.",
                ex);
        }
    }

    private static string Operation(HttpRequestMessage request) => $"{request.Method.Method} {HubRequestOptions.GetPath(request)}";
}
