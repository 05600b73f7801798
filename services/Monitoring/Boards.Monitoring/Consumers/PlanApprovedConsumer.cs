using Boards.BuildingBlocks.Inbox;
using Boards.Monitoring.Data;
using Boards.Monitoring.Domain;
using Boards.Planning.Contracts.Events;
using MassTransit;

namespace Boards.Monitoring.Consumers;

/// <summary>Folds a plan approval into the municipality's current plan (rules: <see cref="MunicipalityPlan"/>).</summary>
public sealed class PlanApprovedConsumer(MonitoringDbContext db, TimeProvider clock)
    : IdempotentConsumer<PlanApproved, MonitoringDbContext>(db, clock)
{
    protected override async Task HandleAsync(PlanApproved message, ConsumeContext<PlanApproved> context)
    {
        var approval = PlanMapping.ToApproval(message);
        var cancellationToken = context.CancellationToken;

        var plan = await Db.LockPlanAsync(approval.Code, cancellationToken);
        if (plan is null)
        {
            if (await Db.TryInsertAsync(MunicipalityPlan.From(approval), cancellationToken))
            {
                return;
            }

            plan = await Db.LockPlanAsync(approval.Code, cancellationToken)
                   ?? throw new InvalidOperationException($"Plan of {approval.Code} vanished after a concurrent insert.");
        }

        plan.Apply(approval);
    }
}
