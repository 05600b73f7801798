using System.Globalization;
using System.Text.RegularExpressions;

namespace Boards.Monitoring.Domain;

public enum ReportPeriodKind
{
    Month,
    Quarter,
    Year,
}

/// <summary>
/// A period of the national table: a calendar month ("2026-03"), quarter ("2026-Q1"; "2026-T1" in Spanish) or year
/// ("2026"), in Paraguay. Referrals belong to the month they were created in, so a period is a run of whole months.
/// </summary>
public sealed partial record ReportPeriod(ReportPeriodKind Kind, DateOnly FirstMonth, int MonthCount)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    /// <summary>The canonical text: "2026-03", "2026-Q1" or "2026".</summary>
    public string Code => Kind switch
    {
        ReportPeriodKind.Month => FirstMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        ReportPeriodKind.Quarter => $"{FirstMonth.Year}-Q{(FirstMonth.Month - 1) / 3 + 1}",
        _ => FirstMonth.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The first day after the period.</summary>
    public DateOnly EndsBefore => FirstMonth.AddMonths(MonthCount);

    public DateOnly LastDay => EndsBefore.AddDays(-1);

    /// <summary>The first day of each of its months, in order.</summary>
    public IReadOnlyList<DateOnly> Months => [.. Enumerable.Range(0, MonthCount).Select(FirstMonth.AddMonths)];

    public static ReportPeriod Month(int year, int month) => new(ReportPeriodKind.Month, new DateOnly(year, month, 1), 1);

    public static ReportPeriod Quarter(int year, int quarter) => new(ReportPeriodKind.Quarter, new DateOnly(year, (quarter - 1) * 3 + 1, 1), 3);

    public static ReportPeriod Year(int year) => new(ReportPeriodKind.Year, new DateOnly(year, 1, 1), 12);

    /// <summary>The 12 months ending with the month of <paramref name="today"/>: the trend shown when no period is asked for.</summary>
    public static IReadOnlyList<DateOnly> TwelveMonthsEndingIn(DateOnly today)
    {
        var current = new DateOnly(today.Year, today.Month, 1);
        return [.. Enumerable.Range(0, 12).Select(i => current.AddMonths(i - 11))];
    }

    /// <summary>Reads "2026", "2026-Q1" … "2026-Q4" (or T1 … T4) and "2026-01" … "2026-12"; null when it is none of them.</summary>
    public static ReportPeriod? Parse(string? text)
    {
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < FirstYear or > LastYear)
        {
            return null;
        }

        if (match.Groups["quarter"].Success)
        {
            var quarter = match.Groups["quarter"].Value[0] - '0';
            return quarter is >= 1 and <= 4 ? Quarter(year, quarter) : null;
        }

        if (match.Groups["month"].Success)
        {
            var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            return month is >= 1 and <= 12 ? Month(year, month) : null;
        }

        return Year(year);
    }

    [GeneratedRegex("^(?<year>[0-9]{4})(-(?:[QqTt](?<quarter>[0-9])|(?<month>[0-9]{2})))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
