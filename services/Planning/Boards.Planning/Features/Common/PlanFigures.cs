using Boards.Planning.Contracts.Plans;
using Boards.Planning.Domain.Rollup;

namespace Boards.Planning.Features.Common;

/// <summary>The roll-up of a plan's current objectives and actions, and the figures events carry.</summary>
public static class PlanFigures
{
    public static RollupResult Rollup(Plan plan) =>
        PlanRollupCalculator.Compute(plan.CurrentObjectives.Select(o => new ObjectiveProgressInput(o.Id, o.Weight,
            plan.CurrentActions.Where(a => a.ObjectiveId == o.Id).Select(a => new ActionProgressInput(a.Id, a.Weight, a.Status, a.Progress)).ToList())).ToList());

    public static PlanRollup Contract(Plan plan, DateOnly today) => new()
    {
        Progress = Rollup(plan).Progress,
        ActionCount = plan.CurrentActions.Count(),
        OverdueActions = plan.CurrentActions.Count(a => a.IsOverdue(today)),
        DoneActions = plan.CurrentActions.Count(a => a.Status == ActionStatus.Done),
    };
}
