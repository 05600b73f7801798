namespace Boards.ServiceDays.Features.ListRetentionRuns;

/// <summary>The last 50 passes of the retention sweep, newest first (GET /api/service-days/retention/runs).</summary>
public sealed class ListRetentionRunsHandler(ServiceDaysDbContext db)
{
    public const int MaxRuns = 50;

    public async Task<IReadOnlyList<RetentionRun>> HandleAsync(CancellationToken cancellationToken) =>
        await db.RetentionRuns.AsNoTracking().OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(MaxRuns).ToListAsync(cancellationToken);
}
