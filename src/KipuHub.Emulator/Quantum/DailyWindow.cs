using System.Globalization;

namespace KipuHub.Emulator.Quantum;

/// <summary>
/// A daily operating window in UTC, published as <c>availability</c> (<c>granularity: "daily"</c>, <c>HH:MM:SS</c>) and
/// enforced at <c>POST /jobs</c>. Both ends are inclusive, the way clients read the published all-day window
/// 00:00:00–23:59:59; a window whose start is after its end wraps past midnight.
/// </summary>
internal sealed record DailyWindow(TimeSpan Start, TimeSpan End)
{
    /// <summary>The published window of a backend that is always available.</summary>
    public static DailyWindow AllDay { get; } = new(TimeSpan.Zero, new TimeSpan(23, 59, 59));

    public string StartText => Format(Start);

    public string EndText => Format(End);

    public bool Contains(DateTimeOffset now)
    {
        // Whole seconds: both ends are inclusive to the second, so 23:59:59.4 is inside the all-day window.
        var t = TimeSpan.FromSeconds(Math.Floor(now.UtcDateTime.TimeOfDay.TotalSeconds));
        return Start <= End ? t >= Start && t <= End : t >= Start || t <= End;
    }

    private static string Format(TimeSpan time) => time.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
}
