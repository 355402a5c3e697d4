namespace KipuHub.Emulator.Faults;

/// <summary>
/// One injected fault: which requests it hits (<see cref="Method"/>, <see cref="PathPattern"/>), how often
/// (<see cref="SkipFirst"/>, <see cref="Times"/>, <see cref="Probability"/>), and what it does (<see cref="Kind"/>).
/// </summary>
/// <remarks>
/// <para>Patterns match the full request path, e.g. <c>/quantum/jobs</c>, <c>/quantum/jobs/*/result-stream</c>,
/// <c>/gateway/**</c>: <c>*</c> is one segment, <c>**</c> any number of segments.</para>
/// <para>Example: the next two job submissions get 503, then they succeed:
/// <c>hub.Faults.Add(FaultRule.ServerError("POST", "/quantum/jobs", 503, times: 2))</c>.</para>
/// </remarks>
public sealed class FaultRule
{
    private readonly double _probability = 1.0;
    private readonly int _statusCode = 503;
    private int _matches;
    private int _hits;

    /// <summary>Creates a rule for every method; set <see cref="Method"/> and the other properties in an initializer.</summary>
    /// <param name="kind">What the fault does.</param>
    /// <param name="pathPattern">The request paths it hits; must start with '/' or '*'.</param>
    /// <exception cref="ArgumentException">The pattern is blank or relative.</exception>
    public FaultRule(FaultKind kind, string pathPattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathPattern);
        if (pathPattern[0] is not ('/' or '*'))
        {
            throw new ArgumentException($"The path pattern '{pathPattern}' must be absolute, e.g. '/quantum/jobs' or '/gateway/**'.", nameof(pathPattern));
        }

        Kind = kind;
        PathPattern = pathPattern;
    }

    /// <summary>What the fault does.</summary>
    public FaultKind Kind { get; }

    /// <summary>The request paths the fault hits.</summary>
    public string PathPattern { get; }

    /// <summary>The HTTP method it hits (case-insensitive); null hits every method.</summary>
    public string? Method { get; init; }

    /// <summary>Fire at most this many times, then let requests through; null fires on every matching request.</summary>
    public int? Times { get; init; }

    /// <summary>Let this many matching requests through before the fault starts firing (default 0).</summary>
    public int SkipFirst { get; init; }

    /// <summary>The chance (0 to 1) that an eligible request is hit, drawn from the emulator's seeded RNG (default 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 0..1.</exception>
    public double Probability
    {
        get => _probability;
        init => _probability = value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A probability is between 0 and 1.");
    }

    /// <summary>The status a <see cref="FaultKind.ServerError"/> answers with: 500 to 599 (default 503).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a 5xx status.</exception>
    public int StatusCode
    {
        get => _statusCode;
        init => _statusCode = value is >= 500 and <= 599 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A server error is a 5xx status.");
    }

    /// <summary>The wall-clock delay of the latency kinds (default 1 s). Real time, so client-side timeouts see it.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The <c>Retry-After</c> to send: always for 429 (default 1 s), for a server error only when set.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>How many body bytes <see cref="FaultKind.TruncateBody"/> lets through (default 1024); a shorter body is cut in half.</summary>
    public long TruncateAfterBytes { get; init; } = 1024;

    /// <summary>How many times the fault has fired.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>How many requests matched the method and path (fired or not).</summary>
    public int Matches => Volatile.Read(ref _matches);

    /// <summary>Delays every matching request before it is handled.</summary>
    /// <param name="method">The HTTP method, or null for all.</param>
    /// <param name="pathPattern">The paths to hit.</param>
    /// <param name="delay">How long to wait.</param>
    /// <param name="times">Fire at most this often; null for always.</param>
    /// <returns>The rule, to pass to <see cref="FaultInjector.Add"/>.</returns>
    public static FaultRule Latency(string? method, string pathPattern, TimeSpan delay, int? times = null)
        => new(FaultKind.Latency, pathPattern) { Method = method, Delay = delay, Times = times };

    /// <summary>Handles matching requests, then holds their responses back.</summary>
    /// <param name="method">The HTTP method, or null for all.</param>
    /// <param name="pathPattern">The paths to hit.</param>
    /// <param name="delay">How long to hold the response.</param>
    /// <param name="times">Fire at most this often; null for always.</param>
    /// <returns>The rule, to pass to <see cref="FaultInjector.Add"/>.</returns>
    public static FaultRule LatencyAfterHandling(string? method, string pathPattern, TimeSpan delay, int? times = null)
        => new(FaultKind.LatencyAfterHandling, pathPattern) { Method = method, Delay = delay, Times = times };

    /// <summary>Answers matching requests with 429 and <c>Retry-After</c>.</summary>
    /// <param name="method">The HTTP method, or null for all.</param>
    /// <param name="pathPattern">The paths to hit.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> value (rounded up to seconds); default 1 s.</param>
    /// <param name="times">Fire at most this often; null for always.</param>
    /// <returns>The rule, to pass to <see cref="FaultInjector.Add"/>.</returns>
    public static FaultRule TooManyRequests(string? method, string pathPattern, TimeSpan? retryAfter = null, int? times = null)
        => new(FaultKind.TooManyRequests, pathPattern) { Method = method, RetryAfter = retryAfter ?? TimeSpan.FromSeconds(1), Times = times };

    /// <summary>Answers matching requests with a 5xx status.</summary>
    /// <param name="method">The HTTP method, or null for all.</param>
    /// <param name="pathPattern">The paths to hit.</param>
    /// <param name="statusCode">500, 502, 503 or another 5xx.</param>
    /// <param name="times">Fire at most this often; null for always.</param>
    /// <returns>The rule, to pass to <see cref="FaultInjector.Add"/>.</returns>
    public static FaultRule ServerError(string? method, string pathPattern, int statusCode = 503, int? times = null)
        => new(FaultKind.ServerError, pathPattern) { Method = method, StatusCode = statusCode, Times = times };

    /// <summary>Resets the connection before matching requests are handled.</summary>
    /// <param name="method">The HTTP method, or null for all.</param>
    /// <param name="pathPattern">The paths to hit.</param>
    /// <param name="times">Fire at most this often; null for always.</param>
    /// <returns>The rule, to pass to <see cref="FaultInjector.Add"/>.</returns>
    public static FaultRule ResetConnection(string? method, string pathPattern, int? times = null)
        => new(FaultKind.ResetConnection, pathPattern) { Method = method, Times = times };

    /// <summary>Handles matching requests, then resets the connection before responding.</summary>
    /// <param name="method">The HTTP method, or null for all.</param>
    /// <param name="pathPattern">The paths to hit.</param>
    /// <param name="times">Fire at most this often; null for always.</param>
    /// <returns>The rule, to pass to <see cref="FaultInjector.Add"/>.</returns>
    public static FaultRule ResetAfterHandling(string? method, string pathPattern, int? times = null)
        => new(FaultKind.ResetAfterHandling, pathPattern) { Method = method, Times = times };

    /// <summary>Cuts matching responses off after some body bytes.</summary>
    /// <param name="method">The HTTP method, or null for all.</param>
    /// <param name="pathPattern">The paths to hit.</param>
    /// <param name="afterBytes">How many body bytes get through.</param>
    /// <param name="times">Fire at most this often; null for always.</param>
    /// <returns>The rule, to pass to <see cref="FaultInjector.Add"/>.</returns>
    public static FaultRule TruncateBody(string? method, string pathPattern, long afterBytes = 1024, int? times = null)
        => new(FaultKind.TruncateBody, pathPattern) { Method = method, TruncateAfterBytes = afterBytes, Times = times };

    /// <summary>Corrupts the JSON body of matching responses.</summary>
    /// <param name="method">The HTTP method, or null for all.</param>
    /// <param name="pathPattern">The paths to hit.</param>
    /// <param name="times">Fire at most this often; null for always.</param>
    /// <returns>The rule, to pass to <see cref="FaultInjector.Add"/>.</returns>
    public static FaultRule MalformedJson(string? method, string pathPattern, int? times = null)
        => new(FaultKind.MalformedJson, pathPattern) { Method = method, Times = times };

    /// <summary>Describes the rule.</summary>
    /// <returns>Kind, method, pattern and hit count.</returns>
    public override string ToString() => $"{Kind} {Method ?? "*"} {PathPattern} (hits {Hits})";

    /// <summary>Decides whether this rule fires for a request; the caller serializes calls.</summary>
    internal bool TryFire(string method, string path, Random random)
    {
        if ((Method is not null && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) || !PathMatcher.IsMatch(PathPattern, path))
        {
            return false;
        }

        var match = Interlocked.Increment(ref _matches);
        if (match <= SkipFirst || (Times is { } times && Hits >= times))
        {
            return false;
        }

        if (Probability < 1 && random.NextDouble() >= Probability)
        {
            return false;
        }

        Interlocked.Increment(ref _hits);
        return true;
    }
}
