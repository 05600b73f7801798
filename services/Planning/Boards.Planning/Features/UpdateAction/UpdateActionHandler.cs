namespace Boards.Planning.Features.UpdateAction;

/// <summary>Corrects an action of a draft plan, on the version the person read; indicators' current values are kept.</summary>
public sealed class UpdateActionHandler(PlanStore store, PlanValidator validator, PlanCalendar calendar)
{
    public async Task<PlanAction> HandleAsync(Guid planId, Guid actionId, ActionInput input, Caller caller, CancellationToken ct)
    {
        var plan = await store.EditableAsync(planId, caller, ct);
        var action = plan.CurrentAction(actionId);
        var definition = validator.Action(plan, input, requireVersion: true);
        plan.UpdateAction(action, definition, input.ExpectedVersion!.Value, caller.DisplayName, calendar.Now);
        await store.SaveAsync(ct);
        return action;
    }
}
