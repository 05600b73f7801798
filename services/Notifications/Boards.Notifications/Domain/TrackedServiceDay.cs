namespace Boards.Notifications.Domain;

/// <summary>A service day's date and status, to tell the board the day before. The highest Version wins.</summary>
public sealed class TrackedServiceDay
{
    private TrackedServiceDay()
    {
    }

    public Guid ServiceDayId { get; private set; }
    public string MunicipalityCode { get; private set; } = "";
    public string Locality { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public string Status { get; private set; } = "";
    public long Version { get; private set; }

    /// <summary>The date it was announced for; a day moved to another date is announced again.</summary>
    public DateOnly? RemindedFor { get; private set; }

    public static TrackedServiceDay Track(Guid serviceDayId) => new() { ServiceDayId = serviceDayId };

    public void Scheduled(long version, string municipality, string locality, DateOnly date, string status)
    {
        if (version <= Version)
        {
            return;
        }

        (Version, MunicipalityCode, Locality, Date, Status) = (version, municipality, locality, date, status);
    }

    /// <summary>Planned or confirmed for tomorrow and not yet announced for that date.</summary>
    public bool TakeReminder(DateOnly today)
    {
        if (Status is not ("planned" or "confirmed") || Date != today.AddDays(1) || RemindedFor == Date)
        {
            return false;
        }

        RemindedFor = Date;
        return true;
    }
}
