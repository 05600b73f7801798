namespace Boards.Planning.Features.UpdateObjective;

/// <summary>Corrects an objective of a draft plan, on the version the person read.</summary>
public sealed class UpdateObjectiveHandler(PlanStore store, PlanValidator validator)
{
    public async Task<Objective> HandleAsync(Guid planId, Guid objectiveId, ObjectiveInput input, Caller caller, CancellationToken ct)
    {
        var plan = await store.EditableAsync(planId, caller, ct);
        var objective = plan.CurrentObjective(objectiveId);
        var definition = await validator.ObjectiveAsync(plan, input, requireVersion: true, ct);
        plan.UpdateObjective(objective, definition, input.ExpectedVersion!.Value);
        await store.SaveAsync(ct);
        return objective;
    }
}
