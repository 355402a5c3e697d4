using System.Globalization;
using KipuHub.Emulator.Faults;

namespace KipuHub.Emulator.Tool;

/// <summary>
/// Reads one <c>--fault</c> rule: <c>KIND METHOD PATH [times=N] [skip=N] [probability=P] [status=NNN] [delay-ms=N]
/// [retry-after-ms=N] [after-bytes=N]</c>, e.g. <c>ServerError POST /quantum/jobs times=2</c>; <c>*</c> as the method
/// hits every method. KIND is a <see cref="FaultKind"/> name, case-insensitive.
/// </summary>
internal static class FaultRuleParser
{
    /// <summary>The rule's syntax, for messages and the usage.</summary>
    public const string Syntax = "KIND METHOD PATH [times=N] [skip=N] [probability=P] [status=NNN] [delay-ms=N] [retry-after-ms=N] [after-bytes=N]";

    /// <summary>Parses a rule; throws <see cref="ArgumentException"/> naming the rule and what is wrong.</summary>
    public static FaultRule Parse(string rule)
    {
        var parts = rule.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 3 || !Enum.TryParse<FaultKind>(parts[0], ignoreCase: true, out var kind) || int.TryParse(parts[0], out _))
        {
            throw Bad(rule, $"expected {Syntax}; KIND is one of {string.Join(", ", Enum.GetNames<FaultKind>())}");
        }

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in parts.Skip(3))
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !settings.TryAdd(setting[..equals], setting[(equals + 1)..]))
            {
                throw Bad(rule, $"'{setting}' is not a key=value setting given once");
            }
        }

        try
        {
            var parsed = new FaultRule(kind, parts[2])
            {
                Method = parts[1] == "*" ? null : parts[1],
                Times = Take(settings, "times", Int),
                SkipFirst = Take(settings, "skip", Int) ?? 0,
                Probability = Take(settings, "probability", s => double.Parse(s, CultureInfo.InvariantCulture)) ?? 1.0,
                StatusCode = Take(settings, "status", Int) ?? 503,
                Delay = Milliseconds(Take(settings, "delay-ms", Long)) ?? TimeSpan.FromSeconds(1),
                RetryAfter = Milliseconds(Take(settings, "retry-after-ms", Long)) ?? (kind == FaultKind.TooManyRequests ? TimeSpan.FromSeconds(1) : null),
                TruncateAfterBytes = Take(settings, "after-bytes", Long) ?? 1024,
            };
            return settings.Count == 0 ? parsed : throw Bad(rule, $"unknown setting '{settings.Keys.First()}'");
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentOutOfRangeException or ArgumentException and not BadRule)
        {
            throw Bad(rule, ex.Message);
        }
    }

    private static T? Take<T>(Dictionary<string, string> settings, string key, Func<string, T> parse)
        where T : struct
    {
        if (!settings.Remove(key, out var value))
        {
            return null;
        }

        try
        {
            return parse(value);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw new FormatException($"'{key}={value}' needs a number");
        }
    }

    private static int Int(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static long Long(string value) => long.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static TimeSpan? Milliseconds(long? value) => value is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

    private static BadRule Bad(string rule, string reason) => new($"--fault '{rule}': {reason}.");

    /// <summary>A rule the parser rejected (kept apart from the rule's own argument checks, which it rewraps).</summary>
    private sealed class BadRule(string message) : ArgumentException(message);
}
