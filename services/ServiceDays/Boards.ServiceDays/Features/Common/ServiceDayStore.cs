namespace Boards.ServiceDays.Features.Common;

/// <summary>Loading a day with its services (404 when there is none) and saving a change to it.</summary>
public static class ServiceDayStore
{
    public static async Task<ServiceDay> LoadAsync(ServiceDaysDbContext db, Guid id, bool tracking, CancellationToken ct)
    {
        var query = db.Days.Include(d => d.Services);
        return await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(d => d.Id == id, ct)
               ?? throw new NotFoundException($"No existe la jornada de servicios '{id}'.");
    }

    /// <summary>The day, tracked for a change, once the caller is known to manage it (<see cref="ServiceDayAccess"/>).</summary>
    public static async Task<ServiceDay> LoadManagedAsync(ServiceDaysDbContext db, Guid id, Caller caller, CancellationToken ct)
    {
        var day = await LoadAsync(db, id, tracking: true, ct);
        ServiceDayAccess.EnsureCanManage(caller, day.MunicipalityCode);
        return day;
    }

    /// <summary>Saves; a day changed by someone else in the meantime (its Version is the concurrency token) is a 409.</summary>
    public static async Task SaveAsync(ServiceDaysDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("La jornada cambió mientras tanto: vuelva a leerla e intente de nuevo.");
        }
    }
}
