using Boards.Planning.Domain.Plans;
using Boards.Planning.Domain.Rollup;

namespace Boards.Planning.Tests.Domain;

/// <summary>The roll-up on hand-computed cases (the worked example of docs/planning.md first).</summary>
public sealed class PlanRollupCalculatorTests
{
    private static ActionProgressInput Action(decimal weight, ActionStatus status, decimal progress) => new(Guid.NewGuid(), weight, status, progress);

    private static ObjectiveProgressInput Objective(decimal weight, params ActionProgressInput[] actions) => new(Guid.NewGuid(), weight, actions);

    [Fact]
    public void The_worked_example_weights_actions_and_objectives_and_leaves_cancelled_out()
    {
        // A (weight 2): 1×100 + 3×50, the cancelled one (2×80) left out → 250/4 = 62.5
        // B (weight 1): 1×0 + 1×25 → 12.5
        // C (weight 5): only cancelled → no progress, out of the plan's mean
        // Plan: (2×62.5 + 1×12.5) / 3 = 137.5/3 = 45.8333… → 45.83
        var a = Objective(2m, Action(1m, ActionStatus.Done, 100m), Action(3m, ActionStatus.InProgress, 50m), Action(2m, ActionStatus.Cancelled, 80m));
        var b = Objective(1m, Action(1m, ActionStatus.NotStarted, 0m), Action(1m, ActionStatus.Blocked, 25m));
        var c = Objective(5m, Action(1m, ActionStatus.Cancelled, 60m));

        var result = PlanRollupCalculator.Compute([a, b, c]);

        Assert.Equal(45.83m, result.Progress);
        Assert.Equal(3m, result.CountedObjectiveWeight);
        Assert.Equal([62.5m, 12.5m, null], result.Objectives.Select(o => o.Progress).ToArray());
        Assert.Equal([4m, 2m, 0m], result.Objectives.Select(o => o.CountedActionWeight).ToArray());
        Assert.Equal([1, 0, 1], result.Objectives.Select(o => o.CancelledActions).ToArray());
    }

    [Fact]
    public void The_plan_mean_uses_unrounded_objective_means()
    {
        // O1: (0 + 0 + 100)/3 = 33.333…; O2: 100. Plan (1×33.333… + 2×100)/3 = 77.777… → 77.78;
        // O3: (1×10 + 1×15)/2 = 12.5, shown as is.
        var o1 = Objective(1m, Action(1m, ActionStatus.NotStarted, 0m), Action(1m, ActionStatus.NotStarted, 0m), Action(1m, ActionStatus.Done, 100m));
        var o2 = Objective(2m, Action(0.5m, ActionStatus.Done, 100m));

        var result = PlanRollupCalculator.Compute([o1, o2]);

        Assert.Equal(33.33m, result.Objectives[0].Progress);
        Assert.Equal(77.78m, result.Progress);
    }

    [Fact]
    public void Weighted_actions_inside_one_objective()
    {
        // (0.5×40 + 1.5×80) / 2 = (20 + 120) / 2 = 70
        var result = PlanRollupCalculator.Compute([Objective(1m, Action(0.5m, ActionStatus.InProgress, 40m), Action(1.5m, ActionStatus.InProgress, 80m))]);

        Assert.Equal(70m, result.Objectives.Single().Progress);
        Assert.Equal(70m, result.Progress);
    }

    [Fact]
    public void A_plan_with_nothing_counted_is_at_zero()
    {
        Assert.Equal(0m, PlanRollupCalculator.Compute([]).Progress);
        var onlyEmpty = PlanRollupCalculator.Compute([Objective(1m), Objective(3m, Action(1m, ActionStatus.Cancelled, 100m))]);
        Assert.Equal(0m, onlyEmpty.Progress);
        Assert.All(onlyEmpty.Objectives, o => Assert.Null(o.Progress));
    }
}
