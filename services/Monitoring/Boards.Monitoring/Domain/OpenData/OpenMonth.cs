using System.Globalization;

namespace Boards.Monitoring.Domain.OpenData;

/// <summary>
/// A calendar month of the open data ("2026-11"), counted in Paraguay time: the finest date the open data has. From
/// <see cref="First"/> to the current month; a month still under way is published as provisional.
/// </summary>
public sealed record OpenMonth(int Year, int Month) : IComparable<OpenMonth>
{
    public static OpenMonth First { get; } = new(2020, 1);

    public string Label => $"{Year:D4}-{Month:D2}";

    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>The instant (UTC) the month starts at in Paraguay.</summary>
    public DateTimeOffset StartsAt => ParaguayCalendar.StartOf(FirstDay);

    /// <summary>The instant (UTC) the next month starts at in Paraguay.</summary>
    public DateTimeOffset EndsAt => ParaguayCalendar.StartOf(FirstDay.AddMonths(1));

    public static OpenMonth Of(DateOnly day) => new(day.Year, day.Month);

    /// <summary>The month it is now in Paraguay.</summary>
    public static OpenMonth Current(DateTimeOffset now) => Of(ParaguayCalendar.Today(now));

    public OpenMonth Next() => Of(FirstDay.AddMonths(1));

    /// <summary>Exactly "yyyy-MM"; null for anything else, however long.</summary>
    public static OpenMonth? Parse(string? text)
    {
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || month is < 1 or > 12 || year < 1)
        {
            return null;
        }

        return new OpenMonth(year, month);
    }

    /// <summary>Every month from <paramref name="from"/> to <paramref name="to"/>, both included, oldest first.</summary>
    public static IReadOnlyList<OpenMonth> Range(OpenMonth from, OpenMonth to)
    {
        var months = new List<OpenMonth>();
        for (var month = from; month.CompareTo(to) <= 0; month = month.Next())
        {
            months.Add(month);
        }

        return months;
    }

    public int CompareTo(OpenMonth? other) =>
        other is null ? 1 : Year != other.Year ? Year.CompareTo(other.Year) : Month.CompareTo(other.Month);

    public override string ToString() => Label;
}
