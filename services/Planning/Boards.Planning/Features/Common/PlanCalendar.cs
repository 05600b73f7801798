namespace Boards.Planning.Features.Common;

/// <summary>Today in Paraguay (America/Asuncion), from the TimeProvider: what "overdue" is measured against.</summary>
public sealed class PlanCalendar(TimeProvider clock)
{
    private static readonly TimeZoneInfo Paraguay = FindParaguay();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Paraguay).DateTime);

    public DateTimeOffset Now => clock.GetUtcNow();

    private static TimeZoneInfo FindParaguay()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/Asuncion");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("PY", TimeSpan.FromHours(-3), "Paraguay", "Paraguay");
        }
    }
}
