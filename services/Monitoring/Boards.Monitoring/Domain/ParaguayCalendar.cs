namespace Boards.Monitoring.Domain;

/// <summary>
/// Days and months as Paraguay counts them (America/Asuncion): the recent windows (service days, sessions), the
/// no-session rule and the trend months all start from here, so they agree on what "today" is.
/// </summary>
public static class ParaguayCalendar
{
    public static TimeZoneInfo Zone { get; } = FindZone();

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);

    /// <summary>The first day of the month, in Paraguay, that <paramref name="instant"/> falls in: a referral's month.</summary>
    public static DateOnly MonthOf(DateTimeOffset instant)
    {
        var day = Today(instant);
        return new DateOnly(day.Year, day.Month, 1);
    }

    /// <summary>The instant (UTC) at which <paramref name="day"/> starts in Paraguay.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Midnight always exists in Paraguay's history of transitions, but an invalid local time must not throw.
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

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
