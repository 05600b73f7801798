using Boards.Planning.Domain;

namespace Boards.Planning.Features.RemoveObjective;

/// <summary>Removes an objective and its actions from a draft plan; they are kept, marked removed.</summary>
public sealed class RemoveObjectiveHandler(PlanStore store, PlanCalendar calendar)
{
    public async Task HandleAsync(Guid planId, Guid objectiveId, RemoveCommand command, Caller caller, CancellationToken ct)
    {
        var plan = await store.EditableAsync(planId, caller, ct);
        var objective = plan.CurrentObjective(objectiveId);
        var errors = new FieldErrors();
        ExpectedVersion.Require(errors, command.ExpectedVersion, "el objetivo");
        errors.ThrowIfAny();
        plan.RemoveObjective(objective, command.ExpectedVersion!.Value, calendar.Now);
        await store.SaveAsync(ct);
    }
}
