namespace Boards.Notifications.Domain;

/// <summary>Paraguay's clock (America/Asuncion): digest times are the person's local time.</summary>
public static class ParaguayTime
{
    public static readonly TimeZoneInfo Zone = Find();

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>
    /// The latest moment at or before <paramref name="now"/> when the local clock read <paramref name="time"/>, in UTC
    /// (PostgreSQL's timestamptz takes UTC offsets only).
    /// </summary>
    public static DateTimeOffset LatestOccurrence(TimeOnly time, DateTimeOffset now)
    {
        var local = ToLocal(now);
        var today = Occurrence(DateOnly.FromDateTime(local.DateTime), time);
        return today <= now ? today : Occurrence(DateOnly.FromDateTime(local.DateTime).AddDays(-1), time);
    }

    private static DateTimeOffset Occurrence(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/Asuncion");
        }
        catch (TimeZoneNotFoundException)
        {
            // Without the time zone database: Paraguay has kept UTC−3 all year since 2024.
            return TimeZoneInfo.CreateCustomTimeZone("America/Asuncion", TimeSpan.FromHours(-3), "Paraguay", "Paraguay");
        }
    }
}
