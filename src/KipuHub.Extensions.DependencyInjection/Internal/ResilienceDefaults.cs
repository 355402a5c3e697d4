using System.Globalization;
using KipuHub.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>
/// The SDK's settings of the standard resilience pipeline, applied before the <c>Resilience</c> configuration section
/// and <see cref="KipuHubBuilder.ConfigureResilience"/>, which may override any of them.
/// </summary>
/// <remarks>
/// The SDK's one classifier decides (<see cref="HubRetryRules"/>): only requests that cannot do the work twice (GET,
/// HEAD, PUT, DELETE, OPTIONS, TRACE with a replayable body), never <c>POST /jobs</c>; on 408, 429, 500, 502, 503, 504,
/// connection failures and attempt timeouts. Delays: 0.5 s doubling with jitter, at most 30 s; <c>Retry-After</c> wins.
/// </remarks>
internal static class ResilienceDefaults
{
    /// <summary>Applies the endpoint's timeout and retry count and the SDK's retry rules.</summary>
    public static void Apply(HttpStandardResilienceOptions options, EndpointContext endpoint)
    {
        options.AttemptTimeout.Timeout = endpoint.Timeout;
        options.TotalRequestTimeout.Timeout = Max(TimeSpan.FromMinutes(5), (endpoint.Timeout * (endpoint.MaxRetries + 1)) + TimeSpan.FromSeconds(30));

        // A request's own HubRequestOptions (HubRequestContext, SendAsync(request, options)) are read per request. The
        // configured values are read when the request runs, so the Resilience section and ConfigureResilience still win.
        options.AttemptTimeout.TimeoutGenerator = args => ValueTask.FromResult(
            Overrides(args.Context)?.Timeout ?? options.AttemptTimeout.Timeout);
        options.TotalRequestTimeout.TimeoutGenerator = args => ValueTask.FromResult(
            TotalTimeout(Overrides(args.Context), options.TotalRequestTimeout.Timeout, options.Retry.MaxRetryAttempts));

        // A job SDK fans out (batches, many waits): past 1,000 requests in flight, queue rather than refuse, so a batch
        // does not fail for requests that never left the process.
        options.RateLimiter.DefaultRateLimiterOptions.PermitLimit = 1_000;
        options.RateLimiter.DefaultRateLimiterOptions.QueueLimit = 100_000;

        // Break only when the Hub is mostly failing: a 40 % transient error rate (a flaky proxy) keeps requests flowing,
        // and each failure is then reported for itself instead of as a refusal.
        options.CircuitBreaker.FailureRatio = 0.75;

        // The standard options require a sampling window of at least two attempt timeouts.
        options.CircuitBreaker.SamplingDuration = Max(TimeSpan.FromSeconds(30), endpoint.Timeout * 2);
        options.Retry.MaxRetryAttempts = Math.Max(1, endpoint.MaxRetries);
        options.Retry.BackoffType = DelayBackoffType.Exponential;
        options.Retry.UseJitter = true;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        options.Retry.ShouldRetryAfterHeader = true;
        var retriesEnabled = endpoint.MaxRetries > 0;
        options.Retry.ShouldHandle = args => ValueTask.FromResult(
            (Overrides(args.Context)?.MaxRetries is { } own ? args.AttemptNumber < own : retriesEnabled) && ShouldRetry(args.Outcome, args.Context));
        var logger = endpoint.LoggerFactory.CreateLogger("KipuHub.Http.ResilienceHandler");
        var maxAttempts = endpoint.MaxRetries + 1;
        options.Retry.OnRetry = args =>
        {
            OnRetry(logger, args.Context, args.Outcome, args.AttemptNumber, args.RetryDelay, maxAttempts);
            return default;
        };
    }

    /// <summary>Whether an outcome is transient and its request safe to send again.</summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context) =>
        context.GetRequestMessage() is { } request
        && HubRetryRules.IsRetryable(request)
        && !context.CancellationToken.IsCancellationRequested
        && outcome switch
        {
            { Result: { } response } => HubRetryRules.IsTransient(response.StatusCode),
            { Exception: TimeoutRejectedException } => true,
            { Exception: { } exception } => HubRetryRules.IsTransient(exception),
            _ => false,
        };

    /// <summary>The request's <see cref="HubRequestOptions"/> (stamped by the SDK's per-call handlers), or <see langword="null"/>.</summary>
    internal static HubRequestOptions? Overrides(ResilienceContext context) =>
        context.GetRequestMessage() is { } request ? HubRequestContext.GetOptions(request) : null;

    // A request's own attempt timeout must fit in the total one: every attempt it may make at that length, plus the
    // delays; never less than the configured total. Infinite per attempt means no total limit either.
    private static TimeSpan TotalTimeout(HubRequestOptions? overrides, TimeSpan configured, int configuredRetries)
    {
        if (overrides?.Timeout is not { } attempt)
        {
            return configured;
        }

        if (attempt == Timeout.InfiniteTimeSpan)
        {
            return Timeout.InfiniteTimeSpan;
        }

        var attempts = Math.Min(overrides.MaxRetries ?? configuredRetries, configuredRetries) + 1;
        return Max(configured, (attempt * attempts) + TimeSpan.FromSeconds(30));
    }

    // The SDK's retry report: numbers the next attempt for its per-attempt logging, logs, counts and adds a span event.
    private static void OnRetry(ILogger logger, ResilienceContext context, Outcome<HttpResponseMessage> outcome, int attemptNumber, TimeSpan delay, int maxAttempts)
    {
        if (context.GetRequestMessage() is not { } request)
        {
            return;
        }

        var reason = outcome.Result is { } response
            ? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)
            : outcome.Exception?.GetType().Name ?? "unknown";
        HubRetryRules.ReportRetry(request, attemptNumber + 2, maxAttempts, delay, reason, logger);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
