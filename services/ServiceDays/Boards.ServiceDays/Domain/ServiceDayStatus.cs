namespace Boards.ServiceDays.Domain;

public enum ServiceDayStatus
{
    Planned,
    Confirmed,
    Held,
    Reported,
    Cancelled,
}
