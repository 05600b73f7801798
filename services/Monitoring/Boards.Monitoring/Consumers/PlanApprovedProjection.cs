using Boards.Planning.Contracts.Events;

namespace Boards.Monitoring.Consumers;

/// <summary>Folds a plan approval into the municipality's current plan (rules: <see cref="MunicipalityPlan"/>).</summary>
public sealed class PlanApprovedProjection : IReadModelProjection<PlanApproved>
{
    public async Task<string?> ApplyAsync(MonitoringDbContext db, PlanApproved message, CancellationToken cancellationToken)
    {
        var approval = PlanMapping.ToApproval(message);
        var (plan, inserted) = await db.LockOrInsertAsync(
            () => db.LockPlanAsync(approval.Code, cancellationToken),
            () => MunicipalityPlan.From(approval),
            $"Plan of {approval.Code}",
            cancellationToken);
        return inserted || plan.Apply(approval) ? approval.Code : null;
    }
}
