namespace Boards.Planning.Features.AddAction;

/// <summary>Adds an action to an objective of a draft plan.</summary>
public sealed class AddActionHandler(PlanStore store, PlanValidator validator, PlanningDbContext db, PlanCalendar calendar)
{
    public async Task<PlanAction> HandleAsync(Guid planId, ActionInput input, Caller caller, CancellationToken ct)
    {
        var plan = await store.EditableAsync(planId, caller, ct);
        var definition = validator.Action(plan, input, requireVersion: false);
        var action = plan.AddAction(definition, caller.DisplayName, calendar.Now);
        db.Actions.Add(action);
        await store.SaveAsync(ct);
        return action;
    }
}
