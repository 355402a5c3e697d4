using System.Globalization;

namespace KipuHub.Internal;

/// <summary>Reads <c>Retry-After</c> in both of its forms: delta seconds and an HTTP date.</summary>
internal static class RetryAfterHeader
{
    /// <summary>Returns the delay the headers ask for, or <see langword="null"/> when there is none or it is unreadable.</summary>
    public static TimeSpan? Parse(IReadOnlyDictionary<string, IEnumerable<string>> headers, DateTimeOffset now) =>
        headers.TryGetValue("Retry-After", out var values) ? Parse(values.FirstOrDefault(), now) : null;

    /// <summary>Returns the delay the response asks for, or <see langword="null"/>.</summary>
    public static TimeSpan? Parse(HttpResponseMessage response, DateTimeOffset now)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        return retryAfter?.Date is { } date ? NotNegative(date - now) : null;
    }

    /// <summary>Parses one header value: delta seconds or an RFC 1123 date.</summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? NotNegative(date - now)
            : null;
    }

    private static TimeSpan NotNegative(TimeSpan delay) => delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
}
