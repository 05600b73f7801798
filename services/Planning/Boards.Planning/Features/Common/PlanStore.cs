using Boards.BuildingBlocks.ReferenceData;

namespace Boards.Planning.Features.Common;

/// <summary>Loading a plan with its objectives and actions (checking the caller's scope), saving it, and its full view.</summary>
public sealed class PlanStore(PlanningDbContext db, Institutions institutions, PlanCalendar calendar)
{
    /// <summary>The plan, tracked; null when there is none.</summary>
    public Task<Plan?> FindAsync(Guid planId, CancellationToken ct) =>
        Plans().FirstOrDefaultAsync(p => p.Id == planId, ct);

    public async Task<Plan> LoadAsync(Guid planId, bool tracking, CancellationToken ct) =>
        await (tracking ? Plans() : Plans().AsNoTracking()).FirstOrDefaultAsync(p => p.Id == planId, ct)
        ?? throw new NotFoundException($"No existe el plan '{planId}'.");

    public async Task<Plan> ReadableAsync(Guid planId, Caller caller, CancellationToken ct)
    {
        var plan = await LoadAsync(planId, tracking: false, ct);
        PlanAccess.EnsureCanRead(caller, plan.MunicipalityCode);
        return plan;
    }

    /// <summary>A plan the caller writes for (its municipality), tracked: to approve, amend or track execution.</summary>
    public async Task<Plan> WritableAsync(Guid planId, Caller caller, CancellationToken ct)
    {
        var plan = await LoadAsync(planId, tracking: true, ct);
        PlanAccess.EnsureCanEdit(caller, plan.MunicipalityCode);
        return plan;
    }

    /// <summary>A plan whose structure may change: the caller writes for its municipality and the plan is a draft.</summary>
    public async Task<Plan> EditableAsync(Guid planId, Caller caller, CancellationToken ct)
    {
        var plan = await WritableAsync(planId, caller, ct);
        plan.EnsureDraft();
        return plan;
    }

    /// <summary>Saves; the plan's Revision (bumped by every structural change) and the versions are the concurrency tokens.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || PostgresErrors.IsUniqueViolation(exception))
        {
            // A unique number or agreement taken by a concurrent request is the same race as a stale version.
            throw new ConcurrencyConflictException("El plan cambió mientras tanto (otra persona lo editó): vuelva a leerlo e intente de nuevo.");
        }
    }

    public async Task<PlanView> ViewAsync(Plan plan, CancellationToken ct)
    {
        var needIds = plan.CurrentObjectives.SelectMany(o => o.NeedIds).Distinct().ToList();
        var needs = await db.PrioritizedNeeds.AsNoTracking().Where(n => needIds.Contains(n.NeedId)).ToDictionaryAsync(n => n.NeedId, ct);
        var name = await db.Municipalities.Where(m => m.Code == plan.MunicipalityCode).Select(m => m.Name).FirstOrDefaultAsync(ct);
        return PlanViews.From(plan, name ?? plan.MunicipalityCode, needs, institutions, calendar.Today);
    }

    /// <summary>The plan as saved, read again: what a change answers with.</summary>
    public async Task<PlanView> SavedViewAsync(Guid planId, CancellationToken ct) =>
        await ViewAsync(await LoadAsync(planId, tracking: false, ct), ct);

    private IQueryable<Plan> Plans() => db.Plans.Include(p => p.Objectives).Include(p => p.Actions).AsSplitQuery();
}
