namespace Boards.ServiceDays.Features.HoldServiceDay;

/// <summary>Confirmed → held: the day took place (POST /api/service-days/{id}/hold).</summary>
public sealed class HoldServiceDayHandler(ServiceDaysDbContext db, TimeProvider clock)
{
    public async Task<ServiceDayResult> HandleAsync(Guid id, Caller caller, CancellationToken ct)
    {
        var day = await ServiceDayStore.LoadManagedAsync(db, id, caller, ct);
        day.Hold(caller.DisplayName, clock.GetUtcNow());
        ServiceDayEvents.AddScheduledToOutbox(db, day, clock);
        await ServiceDayStore.SaveAsync(db, ct);
        return await ServiceDayResult.OfAsync(db, day, ct);
    }
}
