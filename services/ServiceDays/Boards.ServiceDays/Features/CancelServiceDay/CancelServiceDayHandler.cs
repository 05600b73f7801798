namespace Boards.ServiceDays.Features.CancelServiceDay;

/// <summary>
/// Cancels a planned or confirmed day, with a reason (POST /api/service-days/{id}/cancel). Scope is checked before the
/// reason: a caller outside it learns nothing about the day from a 400.
/// </summary>
public sealed class CancelServiceDayHandler(ServiceDaysDbContext db, TimeProvider clock)
{
    public async Task<ServiceDayResult> HandleAsync(Guid id, CancelCommand command, Caller caller, CancellationToken ct)
    {
        var day = await ServiceDayStore.LoadManagedAsync(db, id, caller, ct);
        day.Cancel(command.Reason, caller.DisplayName, clock.GetUtcNow());
        ServiceDayEvents.AddScheduledToOutbox(db, day, clock);
        await ServiceDayStore.SaveAsync(db, ct);
        return await ServiceDayResult.OfAsync(db, day, ct);
    }
}
