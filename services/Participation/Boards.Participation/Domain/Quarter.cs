using System.Globalization;

namespace Boards.Participation.Domain;

/// <summary>A calendar quarter, written "2026-Q4": the only time an answer carries (docs/pulse.md, "Anonymity").</summary>
public readonly record struct Quarter(int Year, int Number)
{
    public static Quarter Of(DateOnly day) => new(day.Year, (day.Month - 1) / 3 + 1);

    public Quarter Previous => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Number}");

    /// <summary>"2026-Q4" (case-insensitive, trimmed); null when it is not one.</summary>
    public static Quarter? Parse(string? text)
    {
        var value = text?.Trim().ToUpperInvariant();
        if (value is not { Length: 7 } || value[4] != '-' || value[5] != 'Q' ||
            !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ||
            value[6] is < '1' or > '4')
        {
            return null;
        }

        return new Quarter(year, value[6] - '0');
    }
}

/// <summary>Days as Paraguay counts them (America/Asuncion): the quarter of a slip and the day a code is used.</summary>
public static class PulseCalendar
{
    public static TimeZoneInfo Zone { get; } = FindZone();

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);

    public static Quarter QuarterOf(DateTimeOffset now) => Quarter.Of(Today(now));

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/Asuncion");
        }
        catch (TimeZoneNotFoundException)
        {
            // Paraguay has kept UTC−3 all year since October 2024.
            return TimeZoneInfo.CreateCustomTimeZone("PY", TimeSpan.FromHours(-3), "Paraguay", "Paraguay");
        }
    }
}
