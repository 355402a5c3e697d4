namespace KipuHub.Waiting;

/// <summary>
/// Computes the pause before the next status poll from <see cref="WaitOptions"/>. Pure and deterministic for a given
/// random source, so tests (and the benchmark's simulated clock) can check the schedule exactly.
/// </summary>
internal sealed class PollingSchedule
{
    private readonly WaitOptions _options;
    private readonly Func<double> _random;

    /// <summary>Creates a schedule.</summary>
    /// <param name="options">The policy; <see cref="WaitOptions.Default"/> when null.</param>
    /// <param name="random">A source of numbers in [0, 1) for jitter; <see cref="Random.Shared"/> when null.</param>
    public PollingSchedule(WaitOptions? options = null, Func<double>? random = null)
    {
        _options = options ?? WaitOptions.Default;
        _options.Validate();
        _random = random ?? Random.Shared.NextDouble;
    }

    /// <summary>The pause before the next poll.</summary>
    /// <param name="elapsed">Time waited so far.</param>
    /// <param name="retryAfter">The server's <c>Retry-After</c> on the last status response, if any.</param>
    /// <returns>How long to wait.</returns>
    public TimeSpan NextDelay(TimeSpan elapsed, TimeSpan? retryAfter = null)
    {
        if (_options.RespectRetryAfter && retryAfter is { } serverAsked)
        {
            // The server knows its queue better than our heuristic does; obey it, within reason.
            return serverAsked < TimeSpan.Zero ? TimeSpan.Zero : (serverAsked > _options.MaxRetryAfter ? _options.MaxRetryAfter : serverAsked);
        }

        var grown = TimeSpan.FromTicks((long)(Math.Max(0, elapsed.Ticks) * _options.ElapsedFraction));
        var bounded = grown < _options.MinInterval ? _options.MinInterval : (grown > _options.MaxInterval ? _options.MaxInterval : grown);
        var factor = 1.0 - (_options.Jitter * _random());
        return TimeSpan.FromTicks((long)(bounded.Ticks * factor));
    }
}
