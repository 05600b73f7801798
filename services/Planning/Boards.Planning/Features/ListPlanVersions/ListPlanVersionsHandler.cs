namespace Boards.Planning.Features.ListPlanVersions;

public sealed record PlanVersionView(int Version, string Status, Guid? SessionId, DateOnly? SessionDate, DateTimeOffset? ApprovedAt, string? ApprovedBy);

/// <summary>The plan's approved versions with the sessions that approved them, and the open draft last.</summary>
public sealed class ListPlanVersionsHandler(PlanStore store, PlanningDbContext db)
{
    public async Task<IReadOnlyList<PlanVersionView>> HandleAsync(Guid planId, Caller caller, CancellationToken ct)
    {
        var plan = await store.ReadableAsync(planId, caller, ct);
        var versions = await db.Versions.AsNoTracking().Where(v => v.PlanId == planId).OrderBy(v => v.Version).ToListAsync(ct);
        var views = versions.Select(v => new PlanVersionView(v.Version, "approved", v.SessionId, v.SessionDate, v.ApprovedAt, v.ApprovedBy)).ToList();
        if (plan.Status == PlanStatus.Draft)
        {
            views.Add(new PlanVersionView(plan.Version, "draft", null, null, null, null));
        }

        return views;
    }
}
