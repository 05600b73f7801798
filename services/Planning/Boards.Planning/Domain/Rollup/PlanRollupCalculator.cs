namespace Boards.Planning.Domain.Rollup;

public sealed record ActionProgressInput(Guid Id, decimal Weight, ActionStatus Status, decimal Progress);

public sealed record ObjectiveProgressInput(Guid Id, decimal Weight, IReadOnlyList<ActionProgressInput> Actions);

/// <summary>An objective's figure: null progress when it has no counted action (then it is left out of the plan mean).</summary>
public sealed record ObjectiveRollup(Guid Id, decimal Weight, decimal? Progress, decimal CountedActionWeight, int CountedActions, int CancelledActions);

public sealed record RollupResult(decimal Progress, IReadOnlyList<ObjectiveRollup> Objectives, decimal CountedObjectiveWeight);

/// <summary>
/// Weighted means, cancelled actions left out: objective = Σ(wᵢ·pᵢ)/Σwᵢ over its actions that are not cancelled; plan =
/// Σ(Wⱼ·Pⱼ)/ΣWⱼ over the objectives that have such actions. Means are exact; shown figures are rounded to 2 decimals
/// (half away from zero) at the end, so the plan's figure is computed from unrounded objective means. A plan with
/// nothing counted shows 0.
/// </summary>
public static class PlanRollupCalculator
{
    public const string Rule =
        "El avance de cada objetivo es el promedio ponderado del avance de sus acciones (Σ peso × avance ÷ Σ pesos); " +
        "el del plan es el promedio ponderado del avance de sus objetivos. Las acciones canceladas no cuentan, y un " +
        "objetivo con solo acciones canceladas (o sin acciones) queda fuera del promedio del plan. Peso por defecto: 1.";

    public static RollupResult Compute(IReadOnlyList<ObjectiveProgressInput> objectives)
    {
        var rollups = new List<ObjectiveRollup>(objectives.Count);
        decimal planNumerator = 0m, planWeight = 0m;
        foreach (var objective in objectives)
        {
            var counted = objective.Actions.Where(a => a.Status != ActionStatus.Cancelled).ToList();
            var weight = counted.Sum(a => a.Weight);
            decimal? progress = weight > 0m ? counted.Sum(a => a.Weight * a.Progress) / weight : null;
            if (progress is { } p)
            {
                planNumerator += objective.Weight * p;
                planWeight += objective.Weight;
            }

            rollups.Add(new ObjectiveRollup(objective.Id, objective.Weight, progress is { } shown ? Round(shown) : null, weight, counted.Count,
                objective.Actions.Count - counted.Count));
        }

        return new RollupResult(planWeight > 0m ? Round(planNumerator / planWeight) : 0m, rollups, planWeight);
    }

    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
