using Boards.Monitoring.Domain.OpenData;
using Boards.Planning.Contracts.Events;

namespace Boards.Monitoring.Consumers;

/// <summary>
/// Folds a plan approval into the municipality's current plan (rules: <see cref="MunicipalityPlan"/>); its progress also
/// joins the open data's history of readings.
/// </summary>
public sealed class PlanApprovedProjection : IReadModelProjection<PlanApproved>
{
    public async Task<string?> ApplyAsync(MonitoringDbContext db, PlanApproved message, CancellationToken cancellationToken)
    {
        var approval = PlanMapping.ToApproval(message);
        await db.AppendReadingAsync(
            IndicatorReading.OfPlan(approval.Code, approval.PlanId, approval.Year, approval.Progress, approval.OccurredAt), cancellationToken);
        var (plan, inserted) = await db.LockOrInsertAsync(
            () => db.LockPlanAsync(approval.Code, cancellationToken),
            () => MunicipalityPlan.From(approval),
            $"Plan of {approval.Code}",
            cancellationToken);
        return inserted || plan.Apply(approval) ? approval.Code : null;
    }
}
