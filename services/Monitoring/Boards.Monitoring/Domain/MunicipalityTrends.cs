using System.Globalization;

namespace Boards.Monitoring.Domain;

/// <summary>
/// A municipality's referral trends for charts (docs/monitoring.md, "Trends"): the last 12 calendar months, oldest
/// first, then referrals by need category and rejections by reason, both all time and largest first.
/// </summary>
public sealed record MunicipalityTrends(
    string Code,
    IReadOnlyList<MonthTrend> Months,
    IReadOnlyList<CategoryCount> ByCategory,
    IReadOnlyList<ReasonCount> RejectionsByReason);

/// <summary>
/// Referrals created in one month (Paraguay time), and of those the ones whose loop is closed now (completed or
/// failed) and the ones cancelled now. The rate is the summary's closed-loop rate over this month's referrals.
/// </summary>
public sealed record MonthTrend(string Month, int Sent, int ClosedLoop, int Cancelled)
{
    public double? ClosedLoopRate => Indicators.ClosedLoopRate(ClosedLoop, Sent, Cancelled);
}

public sealed record CategoryCount(string Category, int Count);

public sealed record ReasonCount(string Reason, int Count);

/// <summary>One calendar month of the trend: its label ("2026-11") and the instants (UTC) it starts and ends at in Paraguay.</summary>
public sealed record TrendMonth(string Label, DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    public const int Count = 12;

    /// <summary>The month of <paramref name="today"/> and the 11 before it, oldest first.</summary>
    public static IReadOnlyList<TrendMonth> EndingIn(DateOnly today)
    {
        var current = new DateOnly(today.Year, today.Month, 1);
        return Enumerable.Range(0, Count)
            .Select(i => current.AddMonths(i - (Count - 1)))
            .Select(first => new TrendMonth(
                first.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                ParaguayCalendar.StartOf(first),
                ParaguayCalendar.StartOf(first.AddMonths(1))))
            .ToList();
    }
}
