using System.Globalization;

namespace Boards.Monitoring.Domain.OpenData;

/// <summary>
/// A calendar quarter of the open data's pulse, labelled in Spanish ("2026-T4", trimestre), counted in Paraguay time:
/// the finest date the pulse files have. Inside Monitoring the same quarter is "2026-Q4" (<see cref="Code"/>), as
/// Participation's events carry it. From <see cref="First"/> to the current quarter.
/// </summary>
public sealed record OpenQuarter(int Year, int Number) : IComparable<OpenQuarter>
{
    public static OpenQuarter First { get; } = new(2020, 1);

    /// <summary>"2026-T4": the open data's label.</summary>
    public string Label => $"{Year:D4}-T{Number}";

    /// <summary>"2026-Q4": how the pulse's rows name it.</summary>
    public string Code => $"{Year:D4}-Q{Number}";

    public DateOnly FirstDay => new(Year, (Number - 1) * 3 + 1, 1);

    public static OpenQuarter Of(DateOnly day) => new(day.Year, (day.Month - 1) / 3 + 1);

    /// <summary>The quarter it is now in Paraguay.</summary>
    public static OpenQuarter Current(DateTimeOffset now) => Of(ParaguayCalendar.Today(now));

    public OpenQuarter Next() => Number == 4 ? new OpenQuarter(Year + 1, 1) : new OpenQuarter(Year, Number + 1);

    /// <summary>Exactly "yyyy-Tn" (n from 1 to 4); null for anything else, however long.</summary>
    public static OpenQuarter? Parse(string? text)
    {
        if (text is not { Length: 7 } || text[4] != '-' || text[5] != 'T' || text[6] is < '1' or > '4'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1)
        {
            return null;
        }

        return new OpenQuarter(year, text[6] - '0');
    }

    /// <summary>"2026-Q4" as the pulse's rows hold it; null for anything else.</summary>
    public static OpenQuarter? FromCode(string? code) =>
        code is { Length: 7 } && code[5] == 'Q' ? Parse(string.Concat(code.AsSpan(0, 5), "T", code.AsSpan(6))) : null;

    /// <summary>Every quarter from <paramref name="from"/> to <paramref name="to"/>, both included, oldest first.</summary>
    public static IReadOnlyList<OpenQuarter> Range(OpenQuarter from, OpenQuarter to)
    {
        var quarters = new List<OpenQuarter>();
        for (var quarter = from; quarter.CompareTo(to) <= 0; quarter = quarter.Next())
        {
            quarters.Add(quarter);
        }

        return quarters;
    }

    public int CompareTo(OpenQuarter? other) =>
        other is null ? 1 : Year != other.Year ? Year.CompareTo(other.Year) : Number.CompareTo(other.Number);

    public override string ToString() => Label;
}
