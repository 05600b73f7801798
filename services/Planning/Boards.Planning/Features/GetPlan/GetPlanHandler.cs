namespace Boards.Planning.Features.GetPlan;

/// <summary>The plan as the caller may read it: objectives, linked needs, actions, weighted progress and overdue actions.</summary>
public sealed class GetPlanHandler(PlanStore store)
{
    public async Task<PlanView> HandleAsync(Guid planId, Caller caller, CancellationToken ct) =>
        await store.ViewAsync(await store.ReadableAsync(planId, caller, ct), ct);
}
