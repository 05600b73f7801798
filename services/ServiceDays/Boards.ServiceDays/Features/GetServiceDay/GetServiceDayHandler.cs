namespace Boards.ServiceDays.Features.GetServiceDay;

/// <summary>One day with its live figures, for whoever may read its municipality.</summary>
public sealed class GetServiceDayHandler(ServiceDaysDbContext db)
{
    public async Task<ServiceDayResult> HandleAsync(Guid id, Caller caller, CancellationToken ct)
    {
        var day = await ServiceDayStore.LoadAsync(db, id, tracking: false, ct);
        ServiceDayAccess.EnsureCanRead(caller, day.MunicipalityCode);
        return await ServiceDayResult.OfAsync(db, day, ct);
    }
}
