using Boards.Monitoring.Data;
using Boards.Monitoring.Domain;
using Boards.Planning.Contracts.Events;
using MassTransit;
using Boards.Monitoring.Features.IndicatorsSignal;

namespace Boards.Monitoring.Consumers;

/// <summary>Folds a plan approval into the municipality's current plan (rules: <see cref="MunicipalityPlan"/>).</summary>
public sealed class PlanApprovedConsumer(MonitoringDbContext db, TimeProvider clock, ChangedMunicipalities changed)
    : ReadModelConsumer<PlanApproved>(db, clock, changed)
{
    protected override string InboxName => "PlanApprovedConsumer";

    protected override async Task<string?> ApplyAsync(PlanApproved message, ConsumeContext<PlanApproved> context)
    {
        var approval = PlanMapping.ToApproval(message);
        var cancellationToken = context.CancellationToken;

        var plan = await Db.LockPlanAsync(approval.Code, cancellationToken);
        if (plan is null)
        {
            if (await Db.TryInsertAsync(MunicipalityPlan.From(approval), cancellationToken))
            {
                return approval.Code;
            }

            plan = await Db.LockPlanAsync(approval.Code, cancellationToken)
                   ?? throw new InvalidOperationException($"Plan of {approval.Code} vanished after a concurrent insert.");
        }

        return plan.Apply(approval) ? approval.Code : null;
    }
}
