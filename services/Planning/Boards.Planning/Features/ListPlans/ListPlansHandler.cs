namespace Boards.Planning.Features.ListPlans;

/// <summary>The plans the caller reads (a focal point: their municipality's), optionally of one municipality and year.</summary>
public sealed class ListPlansHandler(PlanningDbContext db, PlanCalendar calendar)
{
    public async Task<IReadOnlyList<PlanSummaryView>> HandleAsync(string? municipality, int? year, Caller caller, CancellationToken ct)
    {
        var code = PlanAccess.ListScope(caller, municipality);
        var query = db.Plans.AsNoTracking().Include(p => p.Objectives).Include(p => p.Actions).AsSplitQuery();
        if (code is not null)
        {
            query = query.Where(p => p.MunicipalityCode == code);
        }

        if (year is not null)
        {
            query = query.Where(p => p.Year == year);
        }

        var plans = await query.OrderBy(p => p.MunicipalityCode).ThenByDescending(p => p.Year).ToListAsync(ct);
        return plans.Select(p => PlanViews.Summary(p, calendar.Today)).ToList();
    }
}
