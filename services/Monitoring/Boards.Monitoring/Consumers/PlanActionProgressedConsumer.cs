using Boards.Monitoring.Data;
using Boards.Monitoring.Domain;
using Boards.Planning.Contracts.Events;
using MassTransit;
using Boards.Monitoring.Features.IndicatorsSignal;

namespace Boards.Monitoring.Consumers;

/// <summary>
/// Keeps the highest ActionVersion per action, and folds the plan roll-up the event carries into the municipality's
/// current plan. An action event that is not newer than the one held changes nothing at all. Locks are always taken
/// action first, then plan, so concurrent events cannot deadlock.
/// </summary>
public sealed class PlanActionProgressedConsumer(MonitoringDbContext db, TimeProvider clock, ChangedMunicipalities changed)
    : ReadModelConsumer<PlanActionProgressed>(db, clock, changed)
{
    protected override string InboxName => "PlanActionProgressedConsumer";

    protected override async Task<string?> ApplyAsync(PlanActionProgressed message, ConsumeContext<PlanActionProgressed> context)
    {
        var change = PlanMapping.ToChange(message);
        var cancellationToken = context.CancellationToken;

        if (!await KeepActionAsync(change, cancellationToken))
        {
            return null;
        }

        var plan = await Db.LockPlanAsync(change.Code, cancellationToken);
        if (plan is null)
        {
            if (await Db.TryInsertAsync(MunicipalityPlan.From(change), cancellationToken))
            {
                return change.Code;
            }

            plan = await Db.LockPlanAsync(change.Code, cancellationToken)
                   ?? throw new InvalidOperationException($"Plan of {change.Code} vanished after a concurrent insert.");
        }

        plan.Apply(change);
        return change.Code;
    }

    /// <summary>True when the change is the newest version of its action seen so far (and is now kept).</summary>
    private async Task<bool> KeepActionAsync(PlanActionChange change, CancellationToken cancellationToken)
    {
        var action = await Db.LockPlanActionAsync(change.ActionId, cancellationToken);
        if (action is null)
        {
            if (await Db.TryInsertAsync(PlanAction.From(change), cancellationToken))
            {
                return true;
            }

            action = await Db.LockPlanActionAsync(change.ActionId, cancellationToken)
                     ?? throw new InvalidOperationException($"Plan action {change.ActionId} vanished after a concurrent insert.");
        }

        return action.Apply(change);
    }
}
