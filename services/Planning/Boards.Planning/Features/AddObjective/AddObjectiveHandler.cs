namespace Boards.Planning.Features.AddObjective;

/// <summary>Adds an objective to a draft plan, linked to prioritized needs of the plan's municipality.</summary>
public sealed class AddObjectiveHandler(PlanStore store, PlanValidator validator, PlanningDbContext db)
{
    public async Task<Objective> HandleAsync(Guid planId, ObjectiveInput input, Caller caller, CancellationToken ct)
    {
        var plan = await store.EditableAsync(planId, caller, ct);
        var definition = await validator.ObjectiveAsync(plan, input, requireVersion: false, ct);
        var objective = plan.AddObjective(definition);
        db.Objectives.Add(objective);
        await store.SaveAsync(ct);
        return objective;
    }
}
