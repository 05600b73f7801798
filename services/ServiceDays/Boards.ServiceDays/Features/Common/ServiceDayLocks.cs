namespace Boards.ServiceDays.Features.Common;

/// <summary>Row locks on a day inside the caller's transaction, so attendance and the closing report cannot interleave.</summary>
public static class ServiceDayLocks
{
    /// <summary>Locks the day's row (shared by writers of attendance, exclusive for the report) and returns its current status.</summary>
    public static async Task<ServiceDayStatus> LockAsync(ServiceDaysDbContext db, Guid dayId, bool exclusive, CancellationToken ct)
    {
        var sql = exclusive
            ? db.Database.SqlQuery<string>($"""SELECT "Status" AS "Value" FROM service_days WHERE "Id" = {dayId} FOR UPDATE""")
            : db.Database.SqlQuery<string>($"""SELECT "Status" AS "Value" FROM service_days WHERE "Id" = {dayId} FOR SHARE""");
        var status = await sql.ToListAsync(ct);
        return status.Count == 1
            ? ServiceDayLifecycle.Codes[status[0]]
            : throw new NotFoundException($"No existe la jornada de servicios '{dayId}'.");
    }
}
