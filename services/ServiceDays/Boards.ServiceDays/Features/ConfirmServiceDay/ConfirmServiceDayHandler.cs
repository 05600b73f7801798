namespace Boards.ServiceDays.Features.ConfirmServiceDay;

/// <summary>Planned → confirmed (POST /api/service-days/{id}/confirm).</summary>
public sealed class ConfirmServiceDayHandler(ServiceDaysDbContext db, TimeProvider clock)
{
    public async Task<ServiceDayResult> HandleAsync(Guid id, Caller caller, CancellationToken ct)
    {
        var day = await ServiceDayStore.LoadManagedAsync(db, id, caller, ct);
        day.Confirm(caller.DisplayName, clock.GetUtcNow());
        ServiceDayEvents.AddScheduledToOutbox(db, day, clock);
        await ServiceDayStore.SaveAsync(db, ct);
        return await ServiceDayResult.OfAsync(db, day, ct);
    }
}
