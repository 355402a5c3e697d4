using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>
/// Sits outside the resilience handler (the last per-call handler of the SDK's recipe) and turns Polly's exceptions
/// into the SDK's, so callers catch <see cref="HubTimeoutException"/> and <see cref="HubRequestNotSentException"/>
/// whichever pipeline sent the request, with the facade's own wording.
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
            throw HubTimeoutException.ForAttempt(request, ex.Timeout, ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new HubRequestNotSentException(request,
                "the Hub failed repeatedly, so the circuit breaker stops requests for a while (KipuHub:Resilience:CircuitBreaker:BreakDuration). Nothing reached the Hub; try again later.",
                ex);
        }
        catch (RateLimiterRejectedException ex)
        {
            throw new HubRequestNotSentException(request,
                "too many requests were in flight, so the rate limiter refused it (KipuHub:Resilience:RateLimiter). Nothing reached the Hub; send fewer at once or try again later.",
                ex);
        }
    }
}
