using Boards.BuildingBlocks.Outbox;
using Boards.ServiceDays.Contracts.Events;

namespace Boards.ServiceDays.Features.Common;

/// <summary>
/// ServiceDayScheduled for a day's latest change. Every use case that changes a day's schedule or status queues it after
/// calling the domain, so it is saved by the same SaveChanges as the change (or not at all).
/// </summary>
public static class ServiceDayEvents
{
    public static ServiceDayScheduled Scheduled(ServiceDay day) => new()
    {
        ServiceDayId = day.Id,
        MunicipalityCode = day.MunicipalityCode,
        Locality = day.Locality,
        Date = day.Date,
        Status = day.Status.Code(),
        Version = day.Version,
        OccurredAt = day.UpdatedAt,
    };

    public static void AddScheduledToOutbox(ServiceDaysDbContext db, ServiceDay day, TimeProvider clock) =>
        db.AddToOutbox(Scheduled(day), clock);
}
