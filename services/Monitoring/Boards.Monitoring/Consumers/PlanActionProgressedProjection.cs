using Boards.Monitoring.Domain.OpenData;
using Boards.Planning.Contracts.Events;

namespace Boards.Monitoring.Consumers;

/// <summary>
/// Keeps the highest ActionVersion per action, and folds the plan roll-up the event carries into the municipality's
/// current plan. An action event that is not newer than the one held changes nothing at all. Locks are always taken
/// action first, then plan, so concurrent events cannot deadlock.
/// </summary>
public sealed class PlanActionProgressedProjection : IReadModelProjection<PlanActionProgressed>
{
    public async Task<string?> ApplyAsync(MonitoringDbContext db, PlanActionProgressed message, CancellationToken cancellationToken)
    {
        var change = PlanMapping.ToChange(message);
        // The roll-up was true when the event happened, even if a newer one is held: the history keeps it either way.
        await db.AppendReadingAsync(
            IndicatorReading.OfPlan(change.Code, change.PlanId, change.Year, change.Plan.Progress, change.OccurredAt), cancellationToken);
        var (action, actionInserted) = await db.LockOrInsertAsync(
            () => db.LockPlanActionAsync(change.ActionId, cancellationToken),
            () => PlanAction.From(change),
            $"Plan action {change.ActionId}",
            cancellationToken);
        if (!actionInserted && !action.Apply(change))
        {
            return null;
        }

        var (plan, planInserted) = await db.LockOrInsertAsync(
            () => db.LockPlanAsync(change.Code, cancellationToken),
            () => MunicipalityPlan.From(change),
            $"Plan of {change.Code}",
            cancellationToken);
        if (!planInserted)
        {
            plan.Apply(change);
        }

        return change.Code;
    }
}
