using Boards.Planning.Domain;

namespace Boards.Planning.Features.RemoveAction;

/// <summary>Removes an action from a draft plan; it is kept, marked removed.</summary>
public sealed class RemoveActionHandler(PlanStore store, PlanCalendar calendar)
{
    public async Task HandleAsync(Guid planId, Guid actionId, RemoveCommand command, Caller caller, CancellationToken ct)
    {
        var plan = await store.EditableAsync(planId, caller, ct);
        var action = plan.CurrentAction(actionId);
        var errors = new FieldErrors();
        ExpectedVersion.Require(errors, command.ExpectedVersion, "la acción");
        errors.ThrowIfAny();
        plan.RemoveAction(action, command.ExpectedVersion!.Value, calendar.Now);
        await store.SaveAsync(ct);
    }
}
